/**
 * The load generator of bench:http, in a process of its own so that the benchmark's bookkeeping
 * never shares a thread with it. Driven over IPC: it gets a `LoadSettings`, runs autocannon, and
 * answers the figures (or why it failed). Each request of the database route asks for a random id.
 */
import autocannon from 'autocannon';

/** What the parent asks for. */
export interface LoadSettings {
  url: string;
  /** Ids 1..rows are spread over the requests when set (`url` then ends in `/rows/`). */
  rows?: number;
  connections: number;
  seconds: number;
}

/** What the child answers. */
export type LoadReply =
  | { type: 'done'; requests: number; requestsPerSecond: number; p50: number; p99: number; bad: number }
  | { type: 'failed'; message: string };

function reply(message: LoadReply): void {
  process.send?.(message, () => process.disconnect());
}

async function run(settings: LoadSettings): Promise<LoadReply> {
  const { rows } = settings;
  const url = new URL(settings.url);
  const result = await autocannon({
    url: url.origin,
    connections: settings.connections,
    duration: settings.seconds,
    requests: [
      rows
        ? {
            method: 'GET',
            setupRequest: (req) => ({ ...req, path: `${url.pathname}${1 + Math.floor(Math.random() * rows)}` }),
          }
        : { method: 'GET', path: url.pathname },
    ],
  });
  return {
    type: 'done',
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors,
  };
}

process.once('message', (settings: LoadSettings) => {
  run(settings).then(reply, (error: unknown) => reply({ type: 'failed', message: String(error) }));
});
