// A UUID v7: its first 48 bits are the Unix time in milliseconds.
const UUID_V7 = /^([0-9a-f]{8})-([0-9a-f]{4})-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** What the issue instant is read from: the `jti` and the `iat` of a verified token. */
export interface IssuedToken {
  /** `jti`. */
  tokenId: string;
  /** `iat`, whole seconds. */
  issuedAt: Date;
}

/**
 * The instant a verified access token was issued, to the millisecond.
 *
 * `iat` has whole seconds only, which cannot both let through a token issued in the same second
 * as a "log out everywhere" but after it, and keep out one issued earlier in that second. The
 * issuer makes the `jti` a UUID v7 from the same instant as `iat`, and the jti is signed like every
 * other claim, so it carries the missing milliseconds. Reading them from the jti rather than from
 * a new claim also covers the tokens already in circulation when this rule was introduced, and
 * adds no bytes to a header.
 *
 * A jti that is not a UUID v7, or whose instant is not within its `iat` second (another or a
 * changed issuer), falls back to the start of the `iat` second: the earliest the token can have
 * been issued, so a comparison with a cut-off errs on the side of refusing.
 */
export function accessTokenIssueInstant(token: IssuedToken): Date {
  const secondStart = Math.floor(token.issuedAt.getTime() / 1000) * 1000;
  const match = UUID_V7.exec(token.tokenId);
  if (match) {
    const ms = Number.parseInt(`${match[1]}${match[2]}`, 16);
    if (ms >= secondStart && ms < secondStart + 1000) return new Date(ms);
  }
  return new Date(secondStart);
}
