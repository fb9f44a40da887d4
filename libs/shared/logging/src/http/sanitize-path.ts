import { isSecretKey, REDACTED, redactText } from '../redaction.js';

/** Longer paths are cut: a log line is not the place for a megabyte of query string. */
const MAX_PATH_LENGTH = 2048;

function decode(component: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return component;
  }
}

function sanitizePair(pair: string): string {
  const equals = pair.indexOf('=');
  if (equals === -1) return pair;
  const key = pair.slice(0, equals);
  if (isSecretKey(decode(key))) return `${key}=${REDACTED}`;
  // Masks are looked for in the decoded value, so `a%40example.com` is caught like `a@example.com`.
  const value = decode(pair.slice(equals + 1));
  const masked = redactText(value);
  return masked === value ? pair : `${key}=${masked}`;
}

/**
 * The request target as it may be logged: the values of secret query parameters replaced
 * (`?token=abc&page=2` → `?token=[REDACTED]&page=2`), the rest masked like free text.
 * Untouched parameters keep their encoding and order, so the line matches what was sent.
 */
export function sanitizePath(url: string): string {
  const queryStart = url.indexOf('?');
  const path = redactText(queryStart === -1 ? url : url.slice(0, queryStart));
  const query =
    queryStart === -1
      ? ''
      : `?${url
          .slice(queryStart + 1)
          .split('&')
          .map(sanitizePair)
          .join('&')}`;
  const sanitized = path + query;
  return sanitized.length > MAX_PATH_LENGTH ? `${sanitized.slice(0, MAX_PATH_LENGTH)}…` : sanitized;
}
