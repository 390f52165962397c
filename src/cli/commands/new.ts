import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { withValue } from '../../edit/json-text.js';
import { surveyFromText } from '../../schema/index.js';
import { readTextFile } from '../../load/text-file.js';
import { isAcademicYear, isIsoDate } from '../../model/dates.js';
import { SESSION_FORMATS, SESSION_TYPES } from '../../model/session.js';
import { validateRepository } from '../../pipeline/index.js';
import { asShown, formatText } from '../diagnostics-output.js';
import { defineCommand } from '../command.js';
import { type CommandIO, UsageError } from '../io.js';
import { removeLeftovers, writeAtomically } from '../write-file.js';
import { plural } from '../../format/numbers.js';
import { minutesPath, minutesText } from '../../edit/minutes-file.js';
import { annualNarrativeTemplate } from '../../reports/build.js';
import { PLANNED_BODY } from '../../edit/session-template.js';

/**
 * `cop new survey --from <file> --year <Y>`: next year's survey, with the same questions
 * and question ids (so that year-over-year comparisons line up) and no responses.
 * `cop new session --date <D> --title <T>`: a minutes file to fill in, with the agenda of a
 * community of practice's session as its template.
 */
export default defineCommand({
  name: 'new',
  summary:
    "start next year's survey with the same questions, a session's minutes from the usual agenda, or a year's " +
    'annual report as the community writes it',
  positionals: [
    {
      name: 'survey|session|narrative',
      description: "what to start: next year's survey, a session's minutes, or a year's narrative (the report's prose)",
    },
  ],
  options: {
    from: {
      type: 'string',
      value: '<survey file>',
      description: "survey: last year's survey file, for example surveys/2024-25/member-evaluation.json",
    },
    year: {
      type: 'string',
      value: '<YYYY-YY>',
      description: 'survey: the academic year of the new survey; narrative: the year of the annual report',
    },
    date: { type: 'string', value: '<YYYY-MM-DD>', description: 'session: the day of the session' },
    title: { type: 'string', value: '<text>', description: 'session: its title' },
    type: { type: 'string', choices: SESSION_TYPES, default: 'meeting', description: 'session: what kind of session' },
    format: {
      type: 'string',
      choices: SESSION_FORMATS,
      default: 'in-person',
      description: 'session: where it takes place',
    },
  },
  async run({ options: opts, positionals, root, io }) {
    if (positionals[0] === 'session') return newSession(root, opts, io);
    if (positionals[0] === 'narrative') return newNarrative(root, opts.year, io);
    if (positionals[0] !== 'survey')
      throw new UsageError(
        'new takes "survey", "session" or "narrative": new survey --from <survey file> --year <YYYY-YY>, new ' +
          'session --date <YYYY-MM-DD> --title <text>, or new narrative --year <YYYY-YY>',
      );
    const { from, year } = opts;
    if (from === undefined || year === undefined)
      throw new UsageError('new survey needs --from <survey file> and --year <YYYY-YY>');
    if (!isAcademicYear(year))
      throw new UsageError(`--year must be an academic year written like 2025-26, not "${year}"`);

    const source = await readTextFile(join(root, from));
    const survey = source.ok ? surveyFromText(from, source.text)?.data : undefined;
    if (!source.ok || !survey) {
      io.err(`${from} is not a valid survey file: fix it first (see "cop validate").`);
      return 1;
    }

    const shift = Number(year.slice(0, 4)) - Number(from.split('/')[1]?.slice(0, 4) ?? survey.opened.slice(0, 4));
    const moved = (date: string) => {
      const next = `${Number(date.slice(0, 4)) + shift}${date.slice(4)}`;
      return isIsoDate(next) ? next : `${next.slice(0, 8)}28`; // 29 February in a year without one
    };
    const into = `surveys/${year}/${survey.id}.json`;
    if (
      await stat(join(root, into)).then(
        () => true,
        () => false,
      )
    ) {
      io.err(`${into} already exists: nothing was changed.`);
      return 1;
    }

    // Edit the source text, so that the new file keeps the coordinator's layout.
    let text = source.text;
    const set = (path: string[], value: unknown) => {
      text = withValue(text, path, value);
    };
    set(['responses'], []);
    set(['quotes'], []);
    set(['opened'], moved(survey.opened));
    if (survey.closed) set(['closed'], moved(survey.closed));
    set(['title'], survey.title.replace(/\b\d{4}-\d{2}\b/g, year));
    // Last year's session is not this year's: the coordinator names it once its minutes exist.
    const bySession = 'rule' in survey.population && survey.population.rule === 'session';
    if (bySession) set(['population', 'session'], '');

    const path = join(root, into);
    await removeLeftovers(root);
    await writeAtomically(path, text);
    io.out(
      `Created ${relative(root, path)} with the ${plural(survey.questions.length, 'question')} of ${from} and no ` +
        `responses. Check its dates and title, then import the responses with "cop import-survey".` +
        (bySession
          ? ' Its population was a session of last year: set "population"."session" to this year\'s session (its ' +
            'minutes file\'s name without ".md"); until then validation reports it.'
          : ''),
    );
    return 0;
  },
});

async function newSession(
  root: string,
  opts: { date?: string | undefined; title?: string | undefined; type: string; format: string },
  io: CommandIO,
): Promise<number> {
  const { date, title } = opts;
  if (date === undefined || title === undefined || title.trim() === '')
    throw new UsageError('new session needs --date <YYYY-MM-DD> and --title <text>');
  if (!isIsoDate(date))
    throw new UsageError(`--date must be a calendar date written YYYY-MM-DD, for example 2025-10-14, not "${date}"`);
  const validation = await validateRepository(root);
  const yearStart = validation.repo.community?.data.yearStart;
  if (yearStart === undefined) {
    io.err(
      "data/community.json has no valid yearStart, so the session's academic year is unknown: fix it first (see " +
        '"cop validate").',
    );
    return 1;
  }
  const file = minutesPath(date, title, yearStart);
  if (
    await stat(join(root, file)).then(
      () => true,
      () => false,
    )
  ) {
    io.err(`${file} already exists: nothing was changed. Choose another title, or edit that file.`);
    return 1;
  }
  const { text } = minutesText(
    [
      { key: 'title', value: title.trim() },
      { key: 'date', value: date },
      { key: 'type', value: opts.type },
      { key: 'format', value: opts.format },
      { key: 'status', value: 'planned', comment: 'once it has taken place: remove this line and list the attendees' },
      {
        key: 'themes',
        value: [],
        comment:
          `theme ids of data/community.json, for example ` +
          `[${validation.repo.community?.data.themes[0]?.id ?? 'a-theme'}]`,
      },
    ],
    PLANNED_BODY,
  );
  const { diagnostics } = await validateRepository(root, { [file]: text });
  const errors = diagnostics.filter((d) => d.file === file && d.severity === 'error');
  if (errors.length > 0) {
    io.err(formatText(asShown(errors, io)));
    io.err(`The new minutes would not validate: nothing was written to ${file}.`);
    return 1;
  }
  await removeLeftovers(root);
  await writeAtomically(join(root, file), text);
  io.out(
    `Created ${file}, a planned session with the usual agenda. Add its themes, time and location now; after the ` +
      `session, remove "status: planned", list the attendees and write the summary.`,
  );
  return 0;
}

/** `new narrative --year <Y>`: the default annual report as a narrative document to write in; never over a file. */
async function newNarrative(root: string, year: string | undefined, io: CommandIO): Promise<number> {
  if (year === undefined || !isAcademicYear(year))
    throw new UsageError(
      `new narrative needs --year <YYYY-YY>, an academic year written like 2024-25${year ? `, not "${year}"` : ''}`,
    );
  const validation = await validateRepository(root);
  const community = validation.repo.community?.data;
  if (!community) {
    io.err('data/community.json cannot be read: fix it first (see "cop validate").');
    return 1;
  }
  const file = `narrative/${year}/annual-report.md`;
  const exists = await stat(join(root, file)).then(
    () => true,
    () => false,
  );
  if (exists) {
    io.err(`${file} already exists: nothing was changed. Edit it, or remove it first to start again.`);
    return 1;
  }
  await removeLeftovers(root);
  await writeAtomically(join(root, file), annualNarrativeTemplate(community, year));
  io.out(
    `Created ${file}: the ${year} annual report with every section in its usual place. Write your prose between ` +
      'them, with figures as :figure{of="…"} (docs/narrative.md), then run "npm run build".',
  );
  return 0;
}
