import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

// uuid's v7() asks the OS for 16 random bytes per id (crypto.getRandomValues → randomFillSync):
// a system call per request, ~6% of the CPU of a trivial request. One call fills a pool of 256
// ids' worth of bytes instead; the bytes are just as random, only fetched in bulk.
const POOL_IDS = 256;
const ID_BYTES = 16;
const pool = Buffer.alloc(POOL_IDS * ID_BYTES);
let next = pool.length; // empty: filled on first use

/** 16 fresh random bytes from the pool (a view: used once, then overwritten by the next refill). */
function randomBytes16(): Buffer {
  if (next >= pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const bytes = pool.subarray(next, next + ID_BYTES);
  next += ID_BYTES;
  return bytes;
}

// The monotonic state uuid keeps for v7() without options (RFC 9562, method 1: a 32-bit counter
// seeded randomly each millisecond). Passing our own random bytes disables uuid's state, so it
// is kept here, the same way, to keep ids sortable by creation even within one millisecond.
const state = { msecs: -Infinity, seq: 0 };

/** uuid's seed of the counter: 31 random bits, from bytes 6-9. */
function sequenceFrom(bytes: Buffer): number {
  return bytes.readUInt32BE(6) & 0x7fffffff;
}

/** A new UUID v7 (time-ordered, 74 random bits), as uuid's `v7()` makes it, from pooled random bytes. */
export function newRequestId(): string {
  const random = randomBytes16();
  const now = Date.now();
  if (now > state.msecs) {
    state.seq = sequenceFrom(random);
    state.msecs = now;
  } else {
    state.seq = (state.seq + 1) | 0;
    // Counter overflow: borrow the next millisecond, as uuid does.
    if (state.seq === 0) state.msecs++;
  }
  return uuidv7({ random, msecs: state.msecs, seq: state.seq });
}
