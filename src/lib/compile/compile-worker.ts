import { parentPort, workerData } from 'node:worker_threads';
import { compileFolders, type CompileJob } from './compile-folders.ts';

/** Worker thread of `compileAll`: compiles each batch of filing folders it is sent and sends back their heads. */
const job = workerData as CompileJob;
parentPort!.on('message', (dirs: string[]) => parentPort!.postMessage(compileFolders(job, dirs)));
