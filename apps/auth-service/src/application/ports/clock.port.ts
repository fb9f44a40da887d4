/** The time of the service; use cases never call `new Date()`, so tests and replays can set it. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}
