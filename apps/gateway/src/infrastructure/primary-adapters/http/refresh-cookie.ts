import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@platform/validation';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredResponse } from '../../secondary-adapters/idempotency/idempotency-store.js';

/**
 * Refresh tokens for browser apps, kept out of JavaScript's reach: a client that asks for it
 * (`X-Refresh-Token-Transport: cookie` on log-in or refresh) gets the refresh token in an
 * `HttpOnly; Secure; SameSite=Strict` cookie instead of the body, plus a CSRF token in a readable
 * cookie. A refresh or log-out that relies on the cookie must echo that token in `X-CSRF-Token`
 * (double submit): another site can make the browser send the cookie, but cannot read the token.
 */
export const REFRESH_COOKIE = '__Host-refresh_token';
export const CSRF_COOKIE = '__Host-csrf_token';
const TRANSPORT_HEADER = 'x-refresh-token-transport';
const CSRF_HEADER = 'x-csrf-token';

function cookies(request: FastifyRequest): Record<string, string> {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return {};
  return Object.fromEntries(
    header.split(';').flatMap((part) => {
      const at = part.indexOf('=');
      return at > 0 ? [[part.slice(0, at).trim(), part.slice(at + 1).trim()]] : [];
    }),
  );
}

/** Whether the client asked for the refresh token in a cookie. */
export function wantsCookie(request: FastifyRequest): boolean {
  return request.headers[TRANSPORT_HEADER] === 'cookie';
}

/**
 * The body to forward for a refresh or log-out: as sent when it names a refresh token; otherwise
 * with the cookie's token, once the CSRF token matches. Throws 403 Problem Details when it does
 * not, and 401 when the request has neither a body nor the cookie (the body is optional by the
 * contract, so its absence is missing credentials, not a malformed request).
 */
export function bodyWithCookieToken(request: FastifyRequest): unknown {
  const body = request.body as { refreshToken?: unknown } | undefined;
  if (body && typeof body === 'object' && body.refreshToken !== undefined) return body;
  const jar = cookies(request);
  const token = jar[REFRESH_COOKIE];
  if (!token && body === undefined) {
    throw new DomainError(
      'AUTH.REFRESH_TOKEN_REQUIRED',
      'unauthorized',
      'A refresh token is required: in the body, or in the refresh cookie with X-CSRF-Token.',
    );
  }
  if (!token) return body;
  const expected = Buffer.from(jar[CSRF_COOKIE] ?? '');
  const given = Buffer.from(String(request.headers[CSRF_HEADER] ?? ''));
  if (expected.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new DomainError('GATEWAY.CSRF_REJECTED', 'forbidden', 'The X-CSRF-Token header does not match.');
  }
  return { ...(body && typeof body === 'object' ? body : {}), refreshToken: token };
}

/** Moves the refresh token of a successful log-in or refresh from the body into the cookies. */
export function moveTokenToCookie(reply: FastifyReply, response: StoredResponse): StoredResponse {
  const body = response.body as { refreshToken?: string; refreshTokenExpiresAt?: string } | undefined;
  if (response.status !== 200 || typeof body?.refreshToken !== 'string') return response;
  const expires = body.refreshTokenExpiresAt ? new Date(body.refreshTokenExpiresAt).toUTCString() : undefined;
  const lifetime = expires ? `; Expires=${expires}` : '';
  reply.header('set-cookie', [
    `${REFRESH_COOKIE}=${body.refreshToken}; Path=/; HttpOnly; Secure; SameSite=Strict${lifetime}`,
    `${CSRF_COOKIE}=${randomBytes(24).toString('base64url')}; Path=/; Secure; SameSite=Strict${lifetime}`,
  ]);
  const { refreshToken: _moved, ...rest } = body;
  return { ...response, body: { ...rest, refreshTokenInCookie: true } };
}

/** Ends the cookies (after a log-out). */
export function clearCookies(reply: FastifyReply): void {
  reply.header('set-cookie', [
    `${REFRESH_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`,
    `${CSRF_COOKIE}=; Path=/; Secure; SameSite=Strict; Max-Age=0`,
  ]);
}
