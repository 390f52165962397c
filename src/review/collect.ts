import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { validateRepository } from '../pipeline/index.js';
import { computeMetrics } from '../metrics/index.js';
import type { AllMetrics } from '../metrics/types.js';
import { review, type Review } from './review.js';
import { wordsOf } from '../model/vocabulary.js';

const git = promisify(execFile);

export interface Changes {
  root: string;
  /** The commit or branch the pull request is compared with. */
  base: string;
  created: readonly string[];
  modified: readonly string[];
  deleted: readonly string[];
}

/** Validates the head, computes the metrics of head and base (checked out beside it), and reviews the change. */
export async function collectReview(changes: Changes): Promise<Review> {
  const head = await validateRepository(changes.root);
  const headMetrics = metricsIfValid(head);
  return review({
    created: changes.created,
    modified: changes.modified,
    deleted: changes.deleted,
    diagnostics: head.diagnostics,
    head: headMetrics,
    words: wordsOf(head.repo.community?.data),
    base: await baseMetrics(changes.root, changes.base),
  });
}

function metricsIfValid(v: Awaited<ReturnType<typeof validateRepository>>): AllMetrics | undefined {
  return v.diagnostics.some((d) => d.severity === 'error') ? undefined : computeMetrics(v.lookup);
}

/** The base's metrics, from a temporary worktree; the user's checkout is not touched. */
async function baseMetrics(root: string, base: string): Promise<AllMetrics | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'cop-review-base-'));
  try {
    await git('git', ['-C', root, 'worktree', 'add', '--detach', dir, base]);
    return metricsIfValid(await validateRepository(dir));
  } catch {
    return undefined;
  } finally {
    await git('git', ['-C', root, 'worktree', 'remove', '--force', dir]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}
