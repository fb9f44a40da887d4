import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onInterrupts } from './interrupts.js';

describe('onInterrupts', () => {
  it('stops on the first signal, only reminds on the second, quits on the third and after', () => {
    const done: string[] = [];
    const signals = new EventEmitter();
    onInterrupts(signals, {
      stop: () => done.push('stop'),
      remind: () => done.push('remind'),
      quit: () => done.push('quit'),
    });

    signals.emit('SIGINT');
    expect(done).toEqual(['stop']);
    // A SIGTERM counts with the Ctrl-Cs: it is the same request to stop.
    signals.emit('SIGTERM');
    expect(done).toEqual(['stop', 'remind']);
    signals.emit('SIGINT');
    signals.emit('SIGINT');
    expect(done).toEqual(['stop', 'remind', 'quit', 'quit']);
    // Still listening: a `once` listener would leave later signals to Node's default, which exits at once.
    expect(signals.listenerCount('SIGINT')).toBe(1);
    expect(signals.listenerCount('SIGTERM')).toBe(1);
  });
});
