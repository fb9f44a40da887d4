/** What an erasure waits for: which services must confirm, and for how long. */
export interface ErasureOptions {
  /** The envelope `source` of each service that must confirm (ERASURE_CONFIRMING_SERVICES). */
  confirmingServices: readonly string[];
  /** From the request to the deadline (ERASURE_CONFIRMATION_DEADLINE_MS). */
  deadlineMs: number;
}

/** Parses ERASURE_CONFIRMING_SERVICES: comma-separated service names, blanks and repeats dropped. */
export function parseConfirmingServices(list: string): string[] {
  return [
    ...new Set(
      list
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
}
