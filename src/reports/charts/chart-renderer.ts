import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';

/** One claim flag per chart: 0 waiting, 1 taken by the worker, 2 taken by the main thread. */
const WAITING = 0;
const MAIN = 2;
const CAPACITY = 1 << 16;

interface Job {
  spec: TopLevelSpec;
  settled: boolean;
  resolve: (svg: string) => void;
  reject: (e: Error) => void;
  done: Promise<string>;
}

/**
 * Draws charts on a second thread while the main thread writes the Markdown reports.
 * Every chart is sent to the worker at once (the main thread, busy writing, could not
 * feed it one by one); when the main thread is done writing, it takes from the back the
 * charts the worker has not started. A shared claim flag per chart decides who draws it.
 * Each chart's bytes depend only on its spec (the SVGs carry no generated ids), so who
 * draws which changes nothing in the output.
 */
export class ChartRenderer {
  private readonly claims = new Int32Array(new SharedArrayBuffer(4 * CAPACITY));
  private readonly jobs: Job[] = [];
  private readonly worker: Worker;
  private workerGone = false;

  constructor() {
    this.worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./render-worker.ts', import.meta.url).href, claims: this.claims },
    });
    this.worker.on('message', (m: { index: number; svg?: string; error?: string }) => {
      const job = this.jobs[m.index];
      if (!job) return;
      if (m.svg !== undefined) this.settle(job, () => job.resolve(m.svg!));
      else this.settle(job, () => job.reject(new Error(`a chart could not be drawn: ${m.error}`)));
    });
    this.worker.on('error', () => this.workerStopped());
    this.worker.on('exit', () => this.workerStopped());
  }

  render(spec: TopLevelSpec): Promise<string> {
    let resolve!: (svg: string) => void;
    let reject!: (e: Error) => void;
    const done = new Promise<string>((res, rej) => ((resolve = res), (reject = rej)));
    const index = this.jobs.length;
    this.jobs.push({ spec, settled: false, resolve, reject, done });
    if (index < CAPACITY && !this.workerGone) this.worker.postMessage({ index, spec });
    return done;
  }

  /** Draws the charts the worker has not started and waits for those it has. */
  async finish(): Promise<void> {
    for (let i = this.jobs.length - 1; i >= 0; i--) {
      if (i < CAPACITY && !this.workerGone && Atomics.compareExchange(this.claims, i, WAITING, MAIN) !== WAITING) continue;
      await this.drawHere(this.jobs[i]!);
    }

    await Promise.allSettled(this.jobs.map((j) => j.done));
  }

  /** Stops the worker. Charts not yet drawn are abandoned. */
  async close(): Promise<void> {
    this.workerGone = true;
    await this.worker.terminate();
  }

  private async drawHere(job: Job): Promise<void> {
    if (job.settled) return;
    try {
      // Loaded only when this thread has charts to draw: Vega is heavy, and usually the worker draws them all.
      const { renderSvg } = await import('./render.js');
      const svg = await renderSvg(job.spec);
      this.settle(job, () => job.resolve(svg));
    } catch (e) {
      this.settle(job, () => job.reject(e instanceof Error ? e : new Error(String(e))));
    }
  }

  private settle(job: Job, how: () => void): void {
    if (job.settled) return;
    job.settled = true;
    how();
  }

  /** A worker that cannot start, or stops, leaves its unfinished charts to the main thread. */
  private workerStopped(): void {
    if (this.workerGone) return;
    this.workerGone = true;
    for (const job of this.jobs) if (!job.settled) void this.drawHere(job);
  }
}
