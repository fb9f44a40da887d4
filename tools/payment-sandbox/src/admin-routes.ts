import { parseFaults } from './faults.js';
import { ProblemError, readJson, sendJson } from './http.js';
import type { Route, SandboxParts } from './sandbox-parts.js';
import type { Faults } from './types.js';

/** Replaces the fault set; `expireTokens` expires every token issued so far and is not kept. */
export function applyFaults(parts: SandboxParts, faults: Faults): void {
  if (faults.expireTokens) parts.tokens.expireAll();
  parts.faults.replace(faults);
}

/** Loopback tooling without authentication: the fault set, and what the sandbox holds. */
export const adminRoutes: Route[] = [
  {
    method: 'GET',
    path: '/admin/faults',
    async handle({ response, parts }) {
      sendJson(response, 200, parts.faults.current());
    },
  },
  {
    method: 'PUT',
    path: '/admin/faults',
    async handle({ request, response, parts }) {
      const parsed = parseFaults(await readJson(request));
      if (!parsed.ok) throw new ProblemError('invalid_request', parsed.errors.join('; '));
      applyFaults(parts, parsed.faults);
      parts.options.log(`faults: ${JSON.stringify(parsed.faults)}`);
      sendJson(response, 200, parts.faults.current());
    },
  },
  {
    method: 'DELETE',
    path: '/admin/faults',
    async handle({ response, parts }) {
      parts.faults.clear();
      parts.options.log('faults cleared');
      response.writeHead(204).end();
    },
  },
  {
    method: 'GET',
    path: '/admin/payments',
    async handle({ response, parts }) {
      sendJson(response, 200, parts.payments.all());
    },
  },
  {
    method: 'GET',
    path: '/admin/events',
    async handle({ response, parts }) {
      sendJson(response, 200, parts.events.all());
    },
  },
];
