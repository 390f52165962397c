import { validateRepository } from '../../pipeline/index.js';
import { appendFile } from 'node:fs/promises';
import {
  asShown,
  formatAnnotations,
  formatJobSummary,
  formatJson,
  formatText,
  summarise,
} from '../diagnostics-output.js';
import { defineCommand } from '../command.js';

export default defineCommand({
  name: 'validate',
  summary: 'check every file and report every problem at once',
  options: {
    format: {
      type: 'string',
      choices: ['text', 'json'],
      default: 'text',
      description: 'lines "path:line:column severity message [rule]", or a JSON array',
    },
    strict: { type: 'boolean', default: false, description: 'fail on warnings too' },
  },
  async run({ options: opts, root, io }) {
    const diagnostics = asShown((await validateRepository(root)).diagnostics, io);
    if (opts.format === 'json') io.out(formatJson(diagnostics));
    else {
      if (diagnostics.length > 0) io.out(formatText(diagnostics));
      io.err(summarise(diagnostics));
    }
    if (io.env['GITHUB_ACTIONS'] === 'true' && diagnostics.length > 0) {
      // Annotations go to stderr with JSON so that stdout stays parseable; the runner reads both.
      const annotations = formatAnnotations(diagnostics, root, io.env['GITHUB_WORKSPACE'] ?? io.cwd);
      if (opts.format === 'json') io.err(annotations);
      else io.out(annotations);
    }
    const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
    if (io.env['GITHUB_ACTIONS'] === 'true' && summaryFile)
      await appendFile(summaryFile, formatJobSummary(diagnostics));
    const failing = diagnostics.some((d) => d.severity === 'error' || opts.strict);
    return failing ? 1 : 0;
  },
});
