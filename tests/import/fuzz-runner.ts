import { Worker } from 'node:worker_threads';
import type { FuzzCase, FuzzOutcome } from './fuzz-worker.ts';

/** What one case came to, or that it ran out of time (the worker is then stopped and a new one started). */
export type RunOutcome = FuzzOutcome | { kind: 'timeout' } | { kind: 'worker died'; error: string };

/**
 * The fuzz worker, one case at a time, each bounded in time: a case that
 * hangs is stopped by ending the thread, which stops a pattern that never
 * returns as it stops a loop. Memory is bounded too: a document that would
 * fill it ends the worker, and that is a failure of the case.
 */
export class FuzzRunner {
  private worker!: Worker;

  constructor() {
    this.start();
  }

  private start(): void {
    this.worker = new Worker(new URL('./fuzz-worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'], resourceLimits: { maxOldGenerationSizeMb: 1536 } });
  }

  run(job: FuzzCase, limitMs: number): Promise<RunOutcome> {
    const worker = this.worker;
    return new Promise((resolve) => {
      const finish = (outcome: RunOutcome, restart: boolean) => {
        clearTimeout(timer);
        worker.removeAllListeners('message').removeAllListeners('error');
        if (restart) {
          void worker.terminate();
          this.start();
        }
        resolve(outcome);
      };
      const timer = setTimeout(() => finish({ kind: 'timeout' }, true), limitMs);
      worker.once('message', (outcome: FuzzOutcome) => finish(outcome, false));
      worker.once('error', (error) => finish({ kind: 'worker died', error: String(error) }, true));
      worker.postMessage(job);
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
