// The shape of contracts.snapshot.json. Internal to the compatibility test: services never need it.

/** What a field holds, as far as the class-validator rules say. */
export type FieldType =
  'string' | 'integer' | 'number' | 'boolean' | 'uuid' | 'email' | 'timestamp' | 'date' | 'currency' | 'object';

/** One payload field: its type, whether producers must send it, and, for objects, its own fields. */
export interface FieldSchema {
  type: FieldType;
  required: boolean;
  /** Present (true) when the field is a list of `type`. */
  array?: true;
  /** The fields of an object, or of each object of a list. */
  fields?: PayloadSchema;
}

/** The fields of a payload, by name. */
export type PayloadSchema = Record<string, FieldSchema>;

/** The recorded schema of one published contract. */
export interface ContractSchema {
  type: string;
  version: number;
  topic: string;
  payload: PayloadSchema;
}

/** Every published contract, keyed by `type@vN`. */
export type ContractsSchema = Record<string, ContractSchema>;
