import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One webhook a receiver acknowledged (2xx) after verifying its signature. */
export interface ReceivedWebhook {
  /** The endpoint's path on the receiver (one per registered endpoint). */
  endpoint: string;
  webhookId: string;
  type: string;
  invoiceId: string | undefined;
  /** Order of acknowledgement across all receivers. */
  sequence: number;
}

/**
 * A business's webhook receiver on loopback: every registered endpoint is a path of its own whose
 * signing secret it learns at registration. It verifies each delivery with the `standardwebhooks`
 * package and records what it acknowledged; while `failing`, it answers 503 (as a customer's
 * server in trouble). A delivery for a path whose secret it does not know yet gets a 503 too.
 */
export interface WebhookReceiver {
  url(endpoint: string): string;
  /** The endpoint's secret from its registration answer. */
  trust(endpoint: string, secret: string): void;
  setFailing(failing: boolean): void;
  received(): ReceivedWebhook[];
  /** Deliveries refused because their signature did not verify (should stay 0). */
  badSignatures(): number;
  stop(): Promise<void>;
}

let sequence = 0;

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const secrets = new Map<string, Webhook>();
  const received: ReceivedWebhook[] = [];
  let failing = false;
  let bad = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const endpoint = request.url ?? '/';
      const verifier = secrets.get(endpoint);
      if (failing || !verifier) return void response.writeHead(503).end();
      const body = Buffer.concat(chunks).toString('utf8');
      let message: { type: string; data?: { invoiceId?: string } };
      try {
        message = verifier.verify(body, headersOf(request.headers)) as typeof message;
      } catch {
        bad++;
        return void response.writeHead(401).end();
      }
      received.push({
        endpoint,
        webhookId: String(request.headers['webhook-id']),
        type: message.type,
        invoiceId: message.data?.invoiceId,
        sequence: ++sequence,
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (endpoint) => `http://127.0.0.1:${port}${endpoint}`,
    trust: (endpoint, secret) => void secrets.set(endpoint, new Webhook(secret)),
    setFailing: (value) => void (failing = value),
    received: () => [...received],
    badSignatures: () => bad,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function headersOf(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value ?? '')]),
  );
}
