import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { interruptListener } from './interrupts.js';

describe('interruptListener', () => {
  it('stops on the first signal, only reminds on the second, quits on the third and after', () => {
    const done: string[] = [];
    const signals = new EventEmitter();
    const listener = interruptListener({
      stop: () => done.push('stop'),
      remind: () => done.push('remind'),
      quit: () => done.push('quit'),
    });
    signals.on('SIGINT', listener);
    signals.on('SIGTERM', listener);

    signals.emit('SIGINT');
    expect(done).toEqual(['stop']);
    // A SIGTERM counts with the Ctrl-Cs: it is the same request to stop.
    signals.emit('SIGTERM');
    expect(done).toEqual(['stop', 'remind']);
    signals.emit('SIGINT');
    signals.emit('SIGINT');
    expect(done).toEqual(['stop', 'remind', 'quit', 'quit']);
    // Still listening: Node's default handling, which would skip the shutdown, never takes over.
    expect(signals.listenerCount('SIGINT')).toBe(1);
  });
});
