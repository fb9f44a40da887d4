import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@platform/infra';
import type { Cleanup } from '../cleanup.js';
import type { Fixture } from './fixture.js';
import type { LoadCommand, LoadReply } from './load.child.js';
import type { Mix } from './open-loop.js';

/** One step of the load: the rate, its warm-up and measured seconds, the mix. */
export interface StepSettings {
  mix: Mix;
  rate: number;
  warmupSeconds: number;
  seconds: number;
}

/** Starts the load process and hands it the fixture; resolves a function that runs one step there. */
export async function startLoadProcess(gatewayUrl: string, fixture: Fixture, cleanup: Cleanup) {
  const child: ChildProcess = fork(path.join(repoRoot, 'tools/bench/src/system/load.child.ts'), [], {
    cwd: repoRoot,
    execArgv: ['--import', '@swc-node/register/esm-register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  cleanup.defer('the load process', async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const ask = (command: LoadCommand) =>
    new Promise<LoadReply>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the load process exited with ${code}`));
      child.once('exit', onExit);
      child.once('message', (reply: LoadReply) => {
        child.off('exit', onExit);
        resolve(reply);
      });
      child.send(command);
    });
  await new Promise((resolve) => child.once('spawn', resolve));
  const ready = await ask({ type: 'init', gatewayUrl, fixture });
  if (ready.type !== 'ready') throw new Error(`the load process did not start: ${JSON.stringify(ready)}`);
  return async (step: StepSettings): Promise<Extract<LoadReply, { type: 'step' }>> => {
    const reply = await ask({ type: 'step', ...step });
    if (reply.type !== 'step')
      throw new Error(`step at ${step.rate}/s failed in the load process: ${JSON.stringify(reply)}`);
    return reply;
  };
}
