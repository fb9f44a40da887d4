import type { ServerResponse } from 'node:http';
import { presentedClient, sameSecret } from './client-credentials.js';
import { readBody, sendJson } from './http.js';
import type { Route } from './sandbox-parts.js';

/** `POST /oauth/token`: the client credentials grant (RFC 6749 §4.4), errors as RFC 6749 §5.2. */
export const oauthRoutes: Route[] = [
  {
    method: 'POST',
    path: '/oauth/token',
    async handle({ request, response, parts }) {
      const form = new URLSearchParams(await readBody(request));
      const client = presentedClient(request.headers.authorization, form);
      if (client.method === 'both')
        return oauthError(response, 400, 'invalid_request', 'use HTTP Basic or the form fields, not both');
      const { clientId, clientSecret } = parts.options;
      if (client.method === 'none' || client.clientId !== clientId || !sameSecret(client.clientSecret, clientSecret)) {
        // §5.2: a client that tried HTTP Basic is told which scheme to use.
        const challenge: Record<string, string> =
          client.method === 'basic' ? { 'www-authenticate': 'Basic realm="payment-sandbox"' } : {};
        return oauthError(response, 401, 'invalid_client', 'unknown client or wrong secret', challenge);
      }
      const grantType = form.get('grant_type');
      if (!grantType) return oauthError(response, 400, 'invalid_request', 'grant_type is required');
      if (grantType !== 'client_credentials')
        return oauthError(response, 400, 'unsupported_grant_type', 'only client_credentials is supported');
      const { accessToken, expiresIn } = parts.tokens.issue();
      sendJson(
        response,
        200,
        { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn },
        { 'cache-control': 'no-store', pragma: 'no-cache' },
      );
    },
  },
];

function oauthError(
  response: ServerResponse,
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { error, error_description: description }, { 'cache-control': 'no-store', ...headers });
}
