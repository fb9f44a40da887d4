/** UUID version every id of the platform is minted with: time-ordered, so indexes stay compact. */
export const ID_UUID_VERSION = '7';

/** Longest correlation or causation id accepted, the same limit as the HTTP correlation header. */
export const MAX_TRACE_ID_LENGTH = 128;

/**
 * Characters allowed in correlation and causation ids: they arrive from outside and end up in
 * headers and logs, so nothing that could split a header, a log field or a list.
 */
export const SAFE_ID_PATTERN = /^[A-Za-z0-9._:-]+$/;
