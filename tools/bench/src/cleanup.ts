/** Things to undo, last first; `unwind` runs one at a time even when called twice at once (Ctrl-C during a failure). */
export class Cleanup {
  private readonly steps: { what: string; undo: () => Promise<unknown> }[] = [];
  private chain: Promise<void> = Promise.resolve();

  defer(what: string, undo: () => Promise<unknown>): void {
    this.steps.push({ what, undo });
  }

  /** How many steps are registered: `unwind(mark)` undoes those registered after it. */
  mark(): number {
    return this.steps.length;
  }

  unwind(mark = 0): Promise<void> {
    this.chain = this.chain.then(async () => {
      while (this.steps.length > mark) {
        const step = this.steps.pop();
        if (!step) break;
        await step.undo().catch((error: unknown) => console.error(`cleanup: ${step.what} failed: ${String(error)}`));
      }
    });
    return this.chain;
  }

  /** Runs `work` and undoes whatever it deferred, whether it resolves or throws. */
  async scope<T>(work: () => Promise<T>): Promise<T> {
    const mark = this.mark();
    try {
      return await work();
    } finally {
      await this.unwind(mark);
    }
  }
}
