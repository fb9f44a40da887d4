import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseRetryAfter } from '@platform/resilience';
import { DomainError } from '@platform/validation';
import type { WebhookRequest, WebhookSender } from '../../../application/ports/webhook-sender.port.js';
import type { WebhookTargetResolver } from '../../../application/ports/webhook-target.port.js';
import type { WebhookResponse } from '../../../domain/webhook-attempt.js';

/** Limits of one send. */
export interface HttpWebhookSenderOptions {
  timeoutMs: number;
  /** How much of the answer's body is read and kept; the rest is never read. */
  responseBodyLimitBytes: number;
  userAgent?: string;
}

/**
 * POSTs webhooks with node:http(s). The URL is resolved and checked at every send, and the socket
 * connects to exactly the address that was checked (a `lookup` that answers it): a DNS answer that
 * changes between the check and the connection cannot lead elsewhere. TLS still verifies the
 * certificate against the URL's host name. Redirects are never followed (node:http does not).
 */
export class HttpWebhookSender implements WebhookSender {
  constructor(
    private readonly targets: WebhookTargetResolver,
    private readonly options: HttpWebhookSenderOptions,
  ) {}

  async send(request: WebhookRequest): Promise<WebhookResponse> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    let target;
    try {
      target = await this.targets.resolve(request.url);
    } catch (error) {
      const message = error instanceof DomainError ? `${error.code}: ${error.message}` : String(error);
      return {
        status: null,
        body: null,
        retryAfterMs: undefined,
        latencyMs: elapsed(),
        failure: 'blocked',
        error: message,
      };
    }
    const pinned: LookupFunction = (_host, options, callback) => {
      if ((options as { all?: boolean }).all) {
        (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
          { address: target.address, family: target.family },
        ]);
      } else callback(null, target.address, target.family);
    };
    const client = target.url.protocol === 'https:' ? https : http;
    return new Promise<WebhookResponse>((resolve) => {
      let settled = false;
      const finish = (response: WebhookResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(response);
      };
      const outgoing = client.request(
        target.url,
        {
          method: 'POST',
          lookup: pinned,
          agent: false,
          headers: {
            ...request.headers,
            'content-length': String(Buffer.byteLength(request.body)),
            'user-agent': this.options.userAgent ?? 'platform-webhooks/1',
          },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          const done = () => {
            const body = Buffer.concat(chunks).toString('utf8');
            const retryAfter = parseRetryAfter(incoming.headers['retry-after']);
            finish({
              status: incoming.statusCode ?? null,
              body: body.length > 0 ? body : null,
              retryAfterMs: retryAfter === undefined ? undefined : retryAfter * 1000,
              latencyMs: elapsed(),
            });
            incoming.destroy();
          };
          incoming.on('data', (chunk: Buffer) => {
            const room = this.options.responseBodyLimitBytes - kept;
            if (room > 0) {
              chunks.push(chunk.subarray(0, room));
              kept += Math.min(room, chunk.length);
            }
            // Enough read: the rest of a large (or endless) answer is not our business.
            if (kept >= this.options.responseBodyLimitBytes) done();
          });
          incoming.on('end', done);
          incoming.on('error', done);
        },
      );
      const timer = setTimeout(() => {
        outgoing.destroy();
        finish({
          status: null,
          body: null,
          retryAfterMs: undefined,
          latencyMs: elapsed(),
          failure: 'timeout',
          error: `no answer within ${this.options.timeoutMs} ms`,
        });
      }, this.options.timeoutMs);
      outgoing.on('error', (error: NodeJS.ErrnoException) =>
        finish({
          status: null,
          body: null,
          retryAfterMs: undefined,
          latencyMs: elapsed(),
          failure: 'network_error',
          error: error.code ?? error.message,
        }),
      );
      outgoing.end(request.body);
    });
  }
}
