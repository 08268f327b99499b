import { parentPort, workerData } from 'node:worker_threads';
import { checkDirs } from './check-dirs.ts';

/** Worker thread of `runChecks`: checks each batch of filing folders it is sent and sends back their results. */
const { root, contentRoot } = workerData as { root: string; contentRoot: string };
parentPort!.on('message', (dirs: string[]) => parentPort!.postMessage(checkDirs(root, contentRoot, dirs)));
