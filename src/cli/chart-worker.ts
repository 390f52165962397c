import { parentPort } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { createRenderer } from '../reports/charts/render.js';

/**
 * The charts' thread (see chart-thread.ts): draws each chart it is sent, one at a time and in the order sent, with one
 * renderer, exactly as the build's own thread would.
 */
const renderer = createRenderer();
let queue = Promise.resolve();
parentPort?.on('message', ({ id, spec }: { id: number; spec: TopLevelSpec }) => {
  queue = queue.then(async () => {
    try {
      parentPort?.postMessage({ id, svg: await renderer.svg(spec) });
    } catch (e) {
      // The message alone, as a chart that failed on the build's own thread would tell it.
      parentPort?.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
    }
  });
});
