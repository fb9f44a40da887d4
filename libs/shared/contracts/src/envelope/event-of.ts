import type { EventContract } from '../define/define-event.js';
import type { EventEnvelope } from './event-envelope.js';

/** The envelope of one contract, typed down to its literal type, version and payload. */
export type EventOf<TContract> =
  TContract extends EventContract<infer TType, infer TVersion, infer TPayload>
    ? Omit<EventEnvelope<TPayload>, 'type' | 'version'> & { type: TType; version: TVersion }
    : never;
