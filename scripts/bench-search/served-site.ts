import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { serveSite } from '../../tests/helpers/static-server.ts';
import { meterHttp, type MeterReading } from './http-meter.ts';

/** The built site as the bench serves it, with what the browser was sent: by nginx (nginx-site.ts) or by the project's test server (serveInThread). */
export interface ServedSite {
  origin: string;
  read(): Promise<MeterReading>;
  reset(): Promise<void>;
  /**
   * Resolves once no request is open, none has been for `quietMs`, and
   * `ready` holds for the paths requested since the last reset; rejects
   * after `timeoutMs`.
   */
  settled(quietMs: number, ready: (paths: readonly string[]) => boolean, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** What was sent since the last reset, with the requests open now and the time since the last request opened, closed or sent data. */
export type Activity = MeterReading & { open: number; quietMs: number };

type Request = { id: number; op: 'read' | 'reset' | 'close' };
type Answer = { id: number; reading?: Activity };

/** ServedSite.settled over a host's `read`. */
export async function settled(read: () => Promise<Activity>, quietMs: number, ready: (paths: readonly string[]) => boolean, timeoutMs: number): Promise<void> {
  const started = performance.now();
  for (;;) {
    const now = await read();
    if (now.open === 0 && now.quietMs >= quietMs && ready(now.paths)) return;
    if (performance.now() - started > timeoutMs) throw new Error(`the page did not settle within ${timeoutMs} ms (${now.open} request(s) open, ${now.paths.length} made)`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The built site, served by the project's test server (tests/helpers/static-server.ts)
 * and metered by a proxy, both in a thread of their own (`--host node`). In the bench's
 * thread a collection of its heap (the records and pages it read) stopped
 * the server in the middle of a query: a request of one warm query waited
 * 1.8 s for its first byte, while the same query alone takes 50 ms. A
 * thread has a heap of its own, collected apart.
 */
export async function serveInThread(siteDir: string): Promise<ServedSite> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { siteDir } });
  const waiting = new Map<number, (answer: Answer) => void>();
  let next = 0;
  const failed = new Promise<never>((_, reject) => worker.once('error', reject));
  const ask = (op: Request['op']) =>
    Promise.race([
      new Promise<Answer>((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        worker.postMessage({ id, op } satisfies Request);
      }),
      failed,
    ]);
  const origin = await Promise.race([new Promise<string>((resolve) => worker.once('message', (m: { origin: string }) => resolve(m.origin))), failed]);
  worker.on('message', (answer: Answer) => {
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  const read = async () => (await ask('read')).reading!;
  return {
    origin,
    read,
    reset: async () => void (await ask('reset')),
    settled: (quietMs, ready, timeoutMs) => settled(read, quietMs, ready, timeoutMs),
    async close() {
      await ask('close');
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const server = await serveSite((workerData as { siteDir: string }).siteDir);
  const meter = await meterHttp(server.origin);
  port.on('message', async ({ id, op }: Request) => {
    if (op === 'read') port.postMessage({ id, reading: { ...meter.read(), ...meter.activity() } } satisfies Answer);
    else if (op === 'reset') meter.reset();
    else {
      await meter.close();
      await server.close();
    }
    if (op !== 'read') port.postMessage({ id } satisfies Answer);
  });
  port.postMessage({ origin: meter.origin });
}
