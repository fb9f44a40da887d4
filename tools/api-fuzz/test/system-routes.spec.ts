import { describe, expect, it } from 'vitest';
import { systemRoutes } from '../src/index.js';

// What `npm start` prints, as the launcher labels it: names padded to a 16-character column.
const OUTPUT = [
  'ready           | auth-service: http://127.0.0.1:3001 (management http://127.0.0.1:9001)',
  'ready           | business-service: http://127.0.0.1:3002 (management http://127.0.0.1:9002)',
  'auth-service    | 04:45:01 info RouterExplorer Mapped {/v1/auth/register, POST} route',
  'business-service| 04:45:02 info RouterExplorer Mapped {/v1/businesses/:businessId/invoices, POST} route',
  'business-service| 04:45:02 info RouterExplorer Mapped {/v1/businesses, GET} route',
].join('\n');

describe('systemRoutes', () => {
  it('finds every service and its routes, a name as wide as the column included', () => {
    expect(systemRoutes(OUTPUT)).toEqual([
      { name: 'auth-service', url: 'http://127.0.0.1:3001', routes: [{ method: 'POST', path: '/v1/auth/register' }] },
      {
        name: 'business-service',
        url: 'http://127.0.0.1:3002',
        routes: [
          { method: 'POST', path: '/v1/businesses/:businessId/invoices' },
          { method: 'GET', path: '/v1/businesses' },
        ],
      },
    ]);
  });
});
