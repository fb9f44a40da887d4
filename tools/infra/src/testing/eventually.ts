/**
 * Polls `probe` every 50 ms until it holds; rejects naming `what` after `timeoutMs`. For state
 * that another process, a broker or a background loop reaches on its own time.
 */
export async function eventually(
  what: string,
  probe: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
