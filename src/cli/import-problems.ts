import type { ImportProblem } from '../import/match.js';
import { plural } from '../format/numbers.js';
import type { CommandIO } from './io.js';

/** Ten problems tell a coordinator what is wrong; two thousand hide it. */
const SHOWN = 10;

/** An import's problems at the export's row and column with the column's header (a survey's, or a meeting log's). */
export function printProblems(io: CommandIO, file: string, problems: readonly ImportProblem[]): void {
  for (const p of problems.slice(0, SHOWN)) {
    // A problem of the file as a whole (a survey file's, a mapping's) has no place in the export.
    if (p.column === 0) io.err(p.message);
    else
      io.err(
        `${file}:${p.row === undefined ? '' : `row ${p.row}, `}column ` +
          `${p.column}${p.header ? ` ("${p.header}")` : ''}: ${p.message}`,
      );
  }
  if (problems.length > SHOWN) {
    const columns = problems.filter((p) => p.unmatched).length;
    io.err(
      `… and ${plural(problems.length - SHOWN, 'more problem')}` +
        (columns > SHOWN
          ? ` (${plural(columns, 'column')} in all match no question: ` +
            '--ignore-unmatched leaves them out and lists them)'
          : '') +
        '.',
    );
  }
}
