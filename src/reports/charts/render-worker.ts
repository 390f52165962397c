import { parentPort, workerData } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from './render.js';

/** The chart thread: draws each chart it is sent, unless the main thread has claimed it first. */
const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread');
const claims = (workerData as { claims: Int32Array }).claims;
const WAITING = 0;
const WORKER = 1;

// Jobs run one after another, so that a claim is taken only when drawing starts.
let chain: Promise<void> = Promise.resolve();
port.on('message', (job: { index: number; spec: TopLevelSpec }) => {
  chain = chain.then(async () => {
    if (Atomics.compareExchange(claims, job.index, WAITING, WORKER) !== WAITING) return;
    try {
      port.postMessage({ index: job.index, svg: await renderSvg(job.spec) });
    } catch (e) {
      port.postMessage({ index: job.index, error: e instanceof Error ? e.message : String(e) });
    }
  });
});
