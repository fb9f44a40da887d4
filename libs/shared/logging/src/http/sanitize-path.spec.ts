import { describe, expect, it } from 'vitest';
import { sanitizePath } from './sanitize-path.js';

describe('sanitizePath', () => {
  it('replaces the values of secret query parameters and keeps the others as sent', () => {
    expect(sanitizePath('/reset?token=abc123&page=2')).toBe('/reset?token=[REDACTED]&page=2');
    expect(sanitizePath('/a?access_token=x&api_key=y&q=hello%20world')).toBe(
      '/a?access_token=[REDACTED]&api_key=[REDACTED]&q=hello%20world',
    );
  });

  it('recognises percent-encoded secret keys', () => {
    expect(sanitizePath('/a?refresh%5Ftoken=abc')).toBe('/a?refresh%5Ftoken=[REDACTED]');
  });

  it('masks e-mails in query values even when percent-encoded', () => {
    expect(sanitizePath('/users?email=ada.lovelace%40example.com')).toBe('/users?email=a***@example.com');
  });

  it('masks a JWT in the path itself', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXZhbHVl';
    expect(sanitizePath(`/verify/${jwt}`)).toBe('/verify/[REDACTED]');
  });

  it('leaves a path without query alone', () => {
    expect(sanitizePath('/users/42')).toBe('/users/42');
  });
});
