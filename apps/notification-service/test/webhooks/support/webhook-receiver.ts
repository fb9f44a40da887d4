import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook as a receiver got it: the raw body and headers, with the time it arrived. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

/** What the receiver answers a request with. */
export interface ReceiverAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** How a path answers its n-th request (from 1); a promise holds the answer back until it settles. */
export type Answering = (n: number) => ReceiverAnswer | Promise<ReceiverAnswer>;

/**
 * A real webhook receiver on 127.0.0.1: records every request and answers with `answer(n)` for
 * the n-th request of a path (from 1). Receivers verify with the `standardwebhooks` package in
 * the tests, as a customer's would.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly answers = new Map<string, Answering>();
  private readonly open = new Map<string, number>();
  private readonly mostOpen = new Map<string, number>();
  private server!: Server;

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const path = request.url ?? '/';
        receiver.received.push({
          path,
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
        });
        const open = (receiver.open.get(path) ?? 0) + 1;
        receiver.open.set(path, open);
        receiver.mostOpen.set(path, Math.max(open, receiver.mostOpen.get(path) ?? 0));
        const n = receiver.received.filter((r) => r.path === path).length;
        const answer = (await receiver.answers.get(path)?.(n)) ?? { status: 204 };
        receiver.open.set(path, (receiver.open.get(path) ?? 1) - 1);
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  /** The URL of `path` on this receiver. */
  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** How `path` answers its n-th request (default 204). */
  answer(path: string, answer: Answering): void {
    this.answers.set(path, answer);
  }

  /** Requests of `path` received and not answered yet. */
  openAt(path: string): number {
    return this.open.get(path) ?? 0;
  }

  /** The most requests of `path` that were open at once. */
  mostOpenAt(path: string): number {
    return this.mostOpen.get(path) ?? 0;
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
