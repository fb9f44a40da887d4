import type { ChaosSystem } from './chaos-system.js';
import { chaosKafka, consumerLag, outboxRows, withDatabase } from './observe.js';

/** Where the system stood when the wait for quiescence ended. */
export interface Quiescence {
  reached: boolean;
  outboxRows: number;
  consumerLag: number;
  /** Notifications still queued, being sent or waiting for a retry. */
  unsettled: number;
  /** Payments the provider decided that the business-service still has pending (or still initiating). */
  pendingPayments: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the outboxes are empty, every consumer group has caught up, no notification waits
 * to be sent, and no payment is pending (a lost provider webhook is reconciled by a job), all
 * twice in a row; or until `deadline`.
 */
export async function awaitQuiescence(
  system: ChaosSystem,
  deadline: number,
  log: (line: string) => void = () => undefined,
): Promise<Quiescence> {
  const kafka = chaosKafka(system);
  const startedAt = Date.now();
  let calmReadings = 0;
  // What it still waits for (or why a reading failed), said whenever that changes: the
  // "recovered within" figure is explained by these lines, and a failing reading is not silent time.
  let lastShown = '';
  const show = (state: string) => {
    if (state !== lastShown) log(`quiescence +${Math.round((Date.now() - startedAt) / 1000)} s: ${state}`);
    lastShown = state;
  };
  let last: Quiescence = { reached: false, outboxRows: -1, consumerLag: -1, unsettled: -1, pendingPayments: -1 };
  while (Date.now() < deadline) {
    try {
      const admin = kafka.admin();
      await admin.connect();
      const lag = await consumerLag(admin).finally(() => admin.disconnect());
      const outbox = (await outboxRows(system)).reduce((sum, row) => sum + row.rows, 0);
      const unsettled = await withDatabase(system.databases['notification-service'], async (client) =>
        Number(
          (
            await client.query<{ n: string }>(
              "SELECT count(*) AS n FROM notifications WHERE status IN ('queued', 'sending', 'retrying')",
            )
          ).rows[0]!.n,
        ),
      );
      const provider = (await (await fetch(`${system.sandboxUrl}/admin/payments`)).json()) as {
        id: string;
        status: string;
      }[];
      const decided = new Set(provider.filter((p) => p.status !== 'pending').map((p) => p.id));
      const pendingPayments = await withDatabase(
        system.databases['business-service'],
        async (client) =>
          (
            await client.query<{ provider_payment_id: string | null }>(
              "SELECT provider_payment_id FROM payments WHERE status IN ('initiating', 'pending')",
            )
          ).rows.filter((row) => row.provider_payment_id === null || decided.has(row.provider_payment_id)).length,
      );
      last = { reached: false, outboxRows: outbox, consumerLag: lag, unsettled, pendingPayments };
      show(
        `outbox rows ${outbox}, consumer lag ${lag}, unsettled notifications ${unsettled}, pending payments ${pendingPayments}`,
      );
      calmReadings = outbox + lag + unsettled + pendingPayments === 0 ? calmReadings + 1 : 0;
      if (calmReadings >= 2) return { ...last, reached: true };
    } catch (error) {
      // A reading that failed is no calm reading.
      calmReadings = 0;
      show(`reading failed: ${(error as Error).message}`);
    }
    await sleep(2_000);
  }
  return last;
}
