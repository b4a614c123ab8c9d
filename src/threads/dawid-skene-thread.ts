/**
 * A helper thread of `dawid-skene-threads.ts`: for each fit it receives one job (shared memory only) and runs its
 * share of every EM sweep until the fit says stop (`runDawidSkeneHelper`), then waits for the next fit.
 */
import { parentPort } from 'node:worker_threads';
import { runDawidSkeneHelper, type DawidSkeneJob } from '../quality/aggregate/dawid-skene-parallel.js';

parentPort!.on('message', (msg: { job: DawidSkeneJob; thread: number }) => runDawidSkeneHelper(msg.job, msg.thread));
parentPort!.postMessage('ready');
