/**
 * Password hashing with argon2id.
 *
 * Defaults: m = 47104 KiB (46 MiB), t = 1, p = 1 — the first configuration the OWASP Password
 * Storage Cheat Sheet lists, equivalent to its m = 19 MiB, t = 2, p = 1 minimum. Chosen by
 * measuring (tools/bench/src/argon2-params.bench.ts, 2026-11-23, 2 shared cores, Node 20.20, 40 hashes
 * per set, three runs while other work loaded the machine):
 *
 *   parameters          p50 ms (runs 1/2/3)  p95 ms        hashes/s, one core  two in flight
 *   19 MiB, t=2, p=1     36 /  28 /  26      51 /  36 /  35  26 / 34 / 37        27 / 42 / 69
 *   46 MiB, t=1, p=1     82 /  58 /  60      99 /  77 /  66  12 / 16 / 16        18 / 20 / 19  <- default
 *   64 MiB, t=2, p=1    152 / 124 / 139     180 / 131 / 225   7 /  8 /  7         9 /  6 /  8
 *   64 MiB, t=3, p=1    206 / 251 / 176     240 / 298 / 325   5 /  4 /  5         7 /  5 /  8
 *
 * Why: the budget is 50-150 ms per hash here. The OWASP minimum costs ~30 ms, cheap enough to buy
 * more; 64 MiB/t=2 sits at the top of the budget at p50 and past it at p95 on a busy machine.
 * 46 MiB/t=1 stays inside at p95 in every run and makes each guess cost an attacker 46 MiB of
 * memory, the resource GPUs and ASICs are short of. Re-run the bench on production hardware and
 * raise the parameters if it is faster; `needsRehash` lets stored hashes follow on next login.
 *
 * Event loop: argon2's native binding computes on the libuv thread pool (an N-API AsyncWorker), so
 * the main thread stays free while hashing (the bench shows the loop lag stays a few ms during a
 * 60 ms hash). The pool has UV_THREADPOOL_SIZE threads (default 4), shared with fs, dns.lookup,
 * zlib and async crypto, which bounds how many hashes can run at once.
 *
 * Concurrency: hashes also go through a small semaphore (default 2 at a time, the core count here,
 * and at most 16 waiting, ≈ 1 s of work at ~19 hashes/s with two in flight). A login flood then
 * costs at most 2 × 46 MiB of hashing memory and leaves pool threads for the rest; callers beyond
 * the queue get a {@link HashingBusyError} at once, for the HTTP layer to answer 503 with Retry-After.
 */
import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { BoundedSemaphore, SemaphoreQueueFullError } from './bounded-semaphore.js';

/** argon2id cost parameters. */
export interface Argon2Parameters {
  /** Memory per hash in KiB (argon2 `m`). */
  memoryKiB: number;
  /** Passes over the memory (argon2 `t`). */
  iterations: number;
  /** Lanes (argon2 `p`); 1 here, because the semaphore, not argon2, spreads work over cores. */
  parallelism: number;
}

export interface Argon2PasswordHasherOptions extends Partial<Argon2Parameters> {
  /** Hashes computed at once; default 2. */
  maxConcurrent?: number;
  /** Hashes waiting for a slot before new ones are refused with HashingBusyError; default 16. */
  maxQueued?: number;
  /**
   * Told when `verify` meets a stored hash it cannot use (malformed, not argon2, absurd
   * parameters) and therefore answers false; the place to log it. Never given the password.
   */
  onUnusableHash?: (error: UnusableStoredHashError) => void;
}

/** The defaults chosen by measuring; see the comment at the top of this file. */
export const DEFAULT_ARGON2_PARAMETERS: Readonly<Argon2Parameters> = Object.freeze({
  memoryKiB: 47_104,
  iterations: 1,
  parallelism: 1,
});
export const DEFAULT_MAX_CONCURRENT_HASHES = 2;
export const DEFAULT_MAX_QUEUED_HASHES = 16;

/** Every argon2 hash is computed on 16 random salt bytes and yields 32 bytes. */
const HASH_LENGTH_BYTES = 32;
const ARGON2_VERSION = 0x13;

/**
 * A stored hash whose parameters exceed these is treated as corrupt rather than computed: a
 * damaged row must not make one login allocate gigabytes or spin for minutes.
 */
const STORED_CEILINGS = { memoryKiB: 1024 * 1024, iterations: 32, parallelism: 16 } as const;

/** Thrown when too many hashes are already running and queued; the caller answers "try again later". */
export class HashingBusyError extends Error {
  readonly code = 'AUTH.HASHING_BUSY';

  constructor(
    readonly maxConcurrent: number,
    readonly maxQueued: number,
  ) {
    super(`password hashing is saturated: ${maxConcurrent} running, ${maxQueued} queued`);
    this.name = 'HashingBusyError';
  }
}

/** Given to `onUnusableHash`: why a stored hash could not be verified. Carries no secret. */
export class UnusableStoredHashError extends Error {
  readonly code = 'AUTH.UNUSABLE_STORED_HASH';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnusableStoredHashError';
  }
}

interface ParsedArgon2Hash extends Argon2Parameters {
  type: 'argon2id' | 'argon2i' | 'argon2d';
  version: number;
  hashLengthBytes: number;
}

/** Reads a PHC string `$argon2id$v=19$m=…,t=…,p=…$salt$hash` (parameters in any order). */
function parseArgon2Hash(encoded: string): ParsedArgon2Hash | undefined {
  if (typeof encoded !== 'string') return undefined;
  const fields = encoded.split('$');
  // ['', id, 'v=19', params, salt, hash]; hashes of argon2 1.0 have no version field.
  if (fields[0] !== '' || (fields.length !== 6 && fields.length !== 5)) return undefined;
  const [, id, ...rest] = fields;
  if (id !== 'argon2id' && id !== 'argon2i' && id !== 'argon2d') return undefined;
  let version = 0x10;
  if (rest.length === 4) {
    const match = /^v=(\d{1,3})$/.exec(rest.shift() as string);
    if (!match) return undefined;
    version = Number(match[1]);
  }
  const [paramText, salt, hash] = rest as [string, string, string];
  const base64 = /^[A-Za-z0-9+/]+$/;
  if (!base64.test(salt) || !base64.test(hash)) return undefined;
  const params = new Map<string, string>();
  for (const pair of paramText.split(',')) {
    const [key, value, extra] = pair.split('=');
    if (key === undefined || value === undefined || extra !== undefined || params.has(key)) return undefined;
    params.set(key, value);
  }
  const integer = (key: string) => {
    const value = params.get(key);
    return value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
  };
  const memoryKiB = integer('m');
  const iterations = integer('t');
  const parallelism = integer('p');
  if (memoryKiB === undefined || iterations === undefined || parallelism === undefined) return undefined;
  return {
    type: id,
    version,
    memoryKiB,
    iterations,
    parallelism,
    hashLengthBytes: Buffer.from(hash, 'base64').length,
  };
}

function validateParameters(parameters: Argon2Parameters): void {
  const { memoryKiB, iterations, parallelism } = parameters;
  if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > STORED_CEILINGS.parallelism) {
    throw new RangeError(`argon2 parallelism must be an integer 1-${STORED_CEILINGS.parallelism}, got ${parallelism}`);
  }
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > STORED_CEILINGS.iterations) {
    throw new RangeError(`argon2 iterations must be an integer 1-${STORED_CEILINGS.iterations}, got ${iterations}`);
  }
  if (!Number.isInteger(memoryKiB) || memoryKiB < 8 * parallelism || memoryKiB > STORED_CEILINGS.memoryKiB) {
    throw new RangeError(
      `argon2 memoryKiB must be an integer ${8 * parallelism}-${STORED_CEILINGS.memoryKiB}, got ${memoryKiB}`,
    );
  }
}

/**
 * NFKC so that the same password typed on different keyboards or input methods (composed vs
 * decomposed accents, full-width digits) hashes the same, as NIST SP 800-63B recommends.
 */
function normalize(password: string): string {
  return password.normalize('NFKC');
}

/** Hashes and verifies passwords with argon2id, off the event loop and with bounded concurrency. */
export class Argon2PasswordHasher {
  /** The parameters new hashes are made with. */
  readonly parameters: Readonly<Argon2Parameters>;
  private readonly semaphore: BoundedSemaphore;
  private readonly onUnusableHash: (error: UnusableStoredHashError) => void;
  private dummy: Promise<string> | undefined;

  constructor(options: Argon2PasswordHasherOptions = {}) {
    this.parameters = Object.freeze({
      memoryKiB: options.memoryKiB ?? DEFAULT_ARGON2_PARAMETERS.memoryKiB,
      iterations: options.iterations ?? DEFAULT_ARGON2_PARAMETERS.iterations,
      parallelism: options.parallelism ?? DEFAULT_ARGON2_PARAMETERS.parallelism,
    });
    validateParameters(this.parameters);
    this.semaphore = new BoundedSemaphore(
      options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT_HASHES,
      options.maxQueued ?? DEFAULT_MAX_QUEUED_HASHES,
    );
    this.onUnusableHash = options.onUnusableHash ?? (() => undefined);
  }

  /** A PHC-encoded argon2id hash of `password` with a fresh random salt. Throws HashingBusyError when saturated. */
  async hash(password: string): Promise<string> {
    return this.limited(() => this.compute(password));
  }

  /**
   * Whether `password` matches the stored `hash`. False on mismatch and also for a stored hash it
   * cannot use (reported to `onUnusableHash`, after spending a dummy verification so that case
   * costs the same). Throws only HashingBusyError.
   */
  async verify(hash: string, password: string): Promise<boolean> {
    const problem = this.unusable(hash);
    if (problem) {
      this.onUnusableHash(problem);
      await this.dummyVerify(password);
      return false;
    }
    return this.limited(() => this.check(hash, password));
  }

  /**
   * Verifies `password` against a hash of a random password made with the current parameters,
   * through the same semaphore and argon2 call as `verify`, and answers false. For the unknown
   * e-mail case: the response then takes as long as a wrong password for a known account.
   */
  async dummyVerify(password: string): Promise<false> {
    const dummy = await this.dummyHash();
    await this.limited(() => this.check(dummy, password));
    return false;
  }

  /**
   * True when the stored hash was not made with argon2id, the current version, length and
   * parameters (or cannot be read): re-hash the password the user just proved, and store it.
   */
  needsRehash(hash: string): boolean {
    const parsed = parseArgon2Hash(hash);
    return (
      parsed === undefined ||
      parsed.type !== 'argon2id' ||
      parsed.version !== ARGON2_VERSION ||
      parsed.hashLengthBytes !== HASH_LENGTH_BYTES ||
      parsed.memoryKiB !== this.parameters.memoryKiB ||
      parsed.iterations !== this.parameters.iterations ||
      parsed.parallelism !== this.parameters.parallelism
    );
  }

  /**
   * The hash `dummyVerify` checks against, computed once on first use. Await it at start-up (or
   * call `warmUp`) so the first unknown e-mail does not pay for it.
   */
  dummyHash(): Promise<string> {
    // Computed outside the semaphore: a one-off that must not fail with HashingBusyError.
    this.dummy ??= this.compute(randomBytes(32).toString('base64url')).catch((error: unknown) => {
      this.dummy = undefined;
      throw error;
    });
    return this.dummy;
  }

  /** Precomputes the dummy hash; for start-up hooks. */
  async warmUp(): Promise<void> {
    await this.dummyHash();
  }

  private compute(password: string): Promise<string> {
    return argon2.hash(normalize(password), {
      type: argon2.argon2id,
      memoryCost: this.parameters.memoryKiB,
      timeCost: this.parameters.iterations,
      parallelism: this.parameters.parallelism,
      hashLength: HASH_LENGTH_BYTES,
    });
  }

  /** argon2.verify, with anything it throws for a stored hash that passed parsing reported and answered false. */
  private async check(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, normalize(password));
    } catch (cause) {
      this.onUnusableHash(new UnusableStoredHashError('argon2 could not verify against the stored hash', { cause }));
      return false;
    }
  }

  private unusable(hash: string): UnusableStoredHashError | undefined {
    const parsed = parseArgon2Hash(hash);
    if (!parsed) return new UnusableStoredHashError('stored hash is not a PHC-encoded argon2 hash');
    if (
      parsed.memoryKiB > STORED_CEILINGS.memoryKiB ||
      parsed.iterations > STORED_CEILINGS.iterations ||
      parsed.parallelism > STORED_CEILINGS.parallelism
    ) {
      return new UnusableStoredHashError(
        `stored hash parameters m=${parsed.memoryKiB} t=${parsed.iterations} p=${parsed.parallelism} exceed the ceilings`,
      );
    }
    return undefined;
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await this.semaphore.run(task);
    } catch (error) {
      if (error instanceof SemaphoreQueueFullError) throw new HashingBusyError(error.maxConcurrent, error.maxQueued);
      throw error;
    }
  }
}
