import { parentPort, workerData } from 'node:worker_threads';
import { checkDirs } from './check-dirs.ts';

/** Worker thread of `runChecks`: checks its share of the filing folders. */
const { root, contentRoot, dirs } = workerData as { root: string; contentRoot: string; dirs: string[] };
parentPort!.postMessage(checkDirs(root, contentRoot, dirs));
