/**
 * Waits for every start to finish, then resolves their results or throws the first failure.
 * Unlike Promise.all it does not reject while other parts are still starting: the caller's
 * clean-up then sees every part that did start (a run whose redis-server failed left its
 * PostgreSQL, Kafka broker and Mailpit running, started after the clean-up had run).
 */
export async function allStarted<T extends readonly unknown[]>(
  starts: readonly [...{ [K in keyof T]: Promise<T[K]> }],
): Promise<T> {
  const settled = await Promise.allSettled(starts);
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
