import { EventEnvelope, type ContractRegistry } from '@platform/contracts';
import { ValidationFailedError, validateOrThrow } from '@platform/validation';
import { MalformedEventError } from '../errors/malformed-event.error.js';

function describeFailure(error: unknown): string {
  if (error instanceof ValidationFailedError) {
    return error.errors.map((fieldError) => `${fieldError.field}: ${fieldError.message}`).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the envelope of a message value; throws MalformedEventError when there is no value, it is
 * not JSON, or the envelope breaks its rules. The payload is checked by `validatePayload`, once the
 * consumer knows it handles this type.
 */
export async function decodeEnvelope(value: Buffer | string | null): Promise<EventEnvelope> {
  if (value === null || value.length === 0) throw new MalformedEventError('the message has no value');
  let plain: unknown;
  try {
    plain = JSON.parse(value.toString());
  } catch (error) {
    throw new MalformedEventError(`the message value is not JSON: ${(error as Error).message}`);
  }
  try {
    return await validateOrThrow(EventEnvelope, plain);
  } catch (error) {
    throw new MalformedEventError(`the envelope is invalid: ${describeFailure(error)}`, { cause: error });
  }
}

/** The envelope with its payload checked against, and turned into an instance of, its contract's class. */
export async function validatePayload(envelope: EventEnvelope, contracts: ContractRegistry): Promise<EventEnvelope> {
  const contract = contracts.find(envelope.type, envelope.version);
  if (!contract) {
    throw new MalformedEventError(`no contract for ${envelope.type} v${envelope.version} in this build`);
  }
  try {
    const payload = await validateOrThrow(contract.payload, envelope.payload);
    return Object.assign(new EventEnvelope(), envelope, { payload });
  } catch (error) {
    throw new MalformedEventError(
      `the payload breaks ${envelope.type} v${envelope.version}: ${describeFailure(error)}`,
      {
        cause: error,
      },
    );
  }
}
