// Danger's review of a pull request to the records. The logic lives in src/review/
// (tested without Danger); this file only gathers the change and reports the result.
// Run with tsx's loader (NODE_OPTIONS=--import tsx): see .github/workflows/danger.yml.
import { appendFile } from 'node:fs/promises';
import { danger, fail, markdown, schedule, warn } from 'danger';
import { collectReview } from './src/review/collect.js';
import { noteText, reviewAsMarkdown } from './src/review/review.js';

schedule(async () => {
  const result = await collectReview({
    root: process.cwd(),
    base: danger.git.base,
    created: danger.git.created_files,
    modified: danger.git.modified_files,
    deleted: danger.git.deleted_files,
  });
  for (const f of result.fails) fail(noteText(f), f.file, f.line);
  for (const w of result.warnings) warn(noteText(w), w.file, w.line);
  if (result.markdown) markdown(result.markdown);
  // Also in the job summary, which a pull request from a fork (read-only token) still gets.
  const summary = process.env['GITHUB_STEP_SUMMARY'];
  if (summary) await appendFile(summary, reviewAsMarkdown(result));
});
