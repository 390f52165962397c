import { access, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ExportError, readRecords } from '../../import/export-table.js';
import { countMeetings, type LogMapping, LogMappingSchema } from '../../import/meeting-log.js';
import { parseJson } from '../../load/json-document.js';
import { isIsoDate } from '../../model/dates.js';
import type { MeetingReturn } from '../../model/meeting.js';
import { validateRepository } from '../../pipeline/index.js';
import { plural } from '../../format/numbers.js';
import { asShown, formatText } from '../diagnostics-output.js';
import { printProblems } from '../import-problems.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../io.js';
import { removeLeftovers, writeAtomically } from '../write-file.js';
import { readableRecords } from './load-valid.js';

const INTO = /^meetings\/(\d{4}-\d{2})\/([a-z0-9][a-z0-9-]*)\.json$/;

/**
 * `cop import-meetings`: a log of mentoring meetings, one row per meeting, into a meeting return of counts. The
 * student identifier is read to count distinct mentees met, and never written, printed or kept.
 */
export default defineCommand({
  name: 'import-meetings',
  summary: 'count a log of mentoring meetings (CSV or .xlsx) into a meeting return, keeping no student identifier',
  options: {
    from: {
      type: 'string',
      value: '<export>',
      required: true,
      description: "the log: a form's export or a student-record system's CSV, or an Excel workbook",
    },
    into: {
      type: 'string',
      value: '<meetings/YEAR/ID.json>',
      required: true,
      description: 'the return to write, in the folder of its academic year',
    },
    period: {
      type: 'string',
      value: '<from>..<to>',
      required: true,
      description: 'the days the return covers, YYYY-MM-DD..YYYY-MM-DD; rows outside it are problems',
    },
    map: {
      type: 'string',
      value: '<mapping.json>',
      description: 'headers onto fields and values onto ids, where the log differs from the records',
    },
    replace: { type: 'boolean', default: false, description: 'replace the return if it exists' },
  },
  notes:
    'Fields: date, mentor, unit, type, mode, topics, referrals, student. Without --map, headers named like them ' +
    '(or "Meeting date", "Department", "Student ID" and the like) are read, and values equal to ids, names or titles.',
  async run({ options: opts, root, io }) {
    const into = String(opts.into);
    const where = INTO.exec(into);
    if (!where)
      throw new UsageError(`--into ${into}: give meetings/<year>/<id>.json, such as meetings/2024-25/autumn-log.json`);
    const [from, to] = String(opts.period).split('..');
    if (from === undefined || to === undefined || !isIsoDate(from) || !isIsoDate(to) || from > to)
      throw new UsageError(`--period ${String(opts.period)}: give <from>..<to>, such as 2024-08-01..2024-12-31`);
    if (!(await readableRecords(root, io))) return 1;
    const target = join(root, into);
    const exists = await access(target).then(
      () => true,
      () => false,
    );
    if (exists && !opts.replace) {
      io.err(`${into} already exists: nothing was changed. Use --replace to replace it.`);
      return 1;
    }
    let mapping: LogMapping = {};
    if (opts.map) {
      const text = await readFile(String(opts.map), 'utf8').catch(() => undefined);
      const json = text === undefined ? undefined : parseJson(text);
      const checked = json?.ok ? LogMappingSchema.safeParse(json.value) : undefined;
      if (!checked?.success)
        throw new UsageError(
          `--map ${String(opts.map)} must be a JSON file { "columns": { "<header>": "<field>" }, "answers": ` +
            `{ "<field>": { "<as written>": "<id>" } } }, the fields being date, mentor, unit, type, mode, topics, ` +
            `referrals and student`,
        );
      mapping = checked.data;
    }
    const name = basename(String(opts.from));
    let records: string[][];
    try {
      records = (await readRecords(await readFile(String(opts.from)), name)).records;
    } catch (e) {
      if (e instanceof ExportError || (e as NodeJS.ErrnoException).code === 'ENOENT') {
        io.err(`cop: ${e instanceof Error ? e.message : String(e)}`);
        return 1;
      }
      throw e;
    }
    const { repo, diagnostics: before } = await validateRepository(root);
    const community = repo.community?.data;
    const counted = countMeetings(
      records,
      {
        units: repo.units.entries.map((e) => e.data),
        members: repo.members.entries.map((e) => e.data),
        themes: community?.themes ?? [],
        meetingTopics: community?.meetingTopics ?? [],
        referralTargets: community?.referralTargets ?? [],
      },
      { from, to },
      mapping,
    );
    if (!counted.ok) {
      printProblems(io, name, counted.problems);
      io.err(`${plural(counted.problems.length, 'problem')} in ${name}: nothing was written to ${into}.`);
      return 1;
    }
    const result: MeetingReturn = {
      id: where[2]!,
      period: { from, to },
      source: `Meeting log imported with cop import-meetings (${plural(counted.read, 'row')})`,
      units: counted.units,
    };
    const text = returnText(result);
    // Every error the return would bring, in it or in another file (an overlap with an earlier return, say).
    const key = (d: { file: string; line: number; column: number; rule: string }) =>
      `${d.file}:${d.line}:${d.column}:${d.rule}`;
    const known = new Set(before.filter((d) => d.severity === 'error').map(key));
    const { diagnostics } = await validateRepository(root, { [into]: text });
    const problems = diagnostics.filter((d) => d.severity === 'error' && (d.file === into || !known.has(key(d))));
    if (problems.length > 0) {
      io.err(formatText(asShown(problems, io)));
      io.err(`The return would not pass validation: nothing was written to ${into}.`);
      return 1;
    }
    await removeLeftovers(root);
    await writeAtomically(target, text);
    const meetings = counted.units.reduce((n, u) => n + Object.values(u.meetings ?? {}).reduce((a, b) => a + b, 0), 0);
    const met = counted.units.reduce((n, u) => n + (u.menteesMet ?? 0), 0);
    io.out(
      [
        `Read ${plural(counted.read, 'meeting')} from ${name}; wrote the counts of ` +
          `${plural(counted.units.length, 'unit')} to ${into}: ${plural(meetings, 'meeting')}` +
          `${counted.columns.student ? `, ${plural(met, 'distinct mentee')} met` : ''}.`,
        ...(counted.columns.student
          ? [`The column "${counted.columns.student}" was read to count mentees: no identifier was written or kept.`]
          : []),
        'Add each unit\'s allocations ("mentors", "mentees") to the return: a log of meetings cannot know them.',
      ].join('\n'),
    );
    return 0;
  },
});

/** The return as a file: one unit a line, as a coordinator would write it. */
function returnText(r: MeetingReturn): string {
  const units = r.units.map((u) => `    ${JSON.stringify(u)}`).join(',\n');
  return (
    `{\n  "id": ${JSON.stringify(r.id)},\n  "period": ${JSON.stringify(r.period)},\n` +
    `  "source": ${JSON.stringify(r.source)},\n  "units": [\n${units}\n  ]\n}\n`
  );
}
