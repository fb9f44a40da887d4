/** What each Ctrl-C (or SIGTERM) of `npm start` does, counted from the first. */
export interface InterruptActions {
  /** The first: stop the services gracefully, then the infrastructure this run started. */
  stop(): void;
  /** The second, while stopping: say that it is stopping, so the wait is not mistaken for a hang. */
  remind(): void;
  /** The third: quit at once, whatever is left running. */
  quit(): void;
}

/**
 * Listens for SIGINT and SIGTERM on `target` (the process) for as long as it runs. An impatient
 * second Ctrl-C must not cut the shutdown short and leave Kafka and PostgreSQL running, as Node's
 * default handling would once a `once` listener has fired; only a third quits without waiting.
 */
export function onInterrupts(target: Pick<NodeJS.EventEmitter, 'on'>, actions: InterruptActions): void {
  let presses = 0;
  const listener = (): void => {
    presses += 1;
    if (presses === 1) actions.stop();
    else if (presses === 2) actions.remind();
    else actions.quit();
  };
  target.on('SIGINT', listener);
  target.on('SIGTERM', listener);
}
