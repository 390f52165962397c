import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { withValue } from '../../edit/json-text.js';
import { surveyFromText } from '../../schema/index.js';
import { readTextFile } from '../../load/text-file.js';
import { isAcademicYear, isIsoDate } from '../../model/dates.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../io.js';
import { removeLeftovers, writeAtomically } from '../write-file.js';
import { plural } from '../../format/numbers.js';

/**
 * `cop new survey --from <file> --year <Y>`: next year's survey, with the same questions
 * and question ids (so that year-over-year comparisons line up) and no responses.
 */
export default defineCommand({
  positionals: [{ name: 'survey', description: 'what to start: a survey' }],
  options: {
    from: { type: 'string', value: '<survey file>', required: true, description: "last year's survey file, for example surveys/2024-25/member-evaluation.json" },
    year: { type: 'string', value: '<YYYY-YY>', required: true, description: 'the academic year of the new survey' },
  },
  async run({ options: opts, positionals, root, io }) {
    if (positionals[0] !== 'survey') throw new UsageError('new takes "survey": new survey --from <survey file> --year <YYYY-YY>');
    const { from, year } = opts;
    if (!isAcademicYear(year)) throw new UsageError(`--year must be an academic year written like 2025-26, not "${year}"`);

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
    // decodeUtf8 stands a space where a byte-order mark was; the new file starts clean.
    await removeLeftovers(root);
    await writeAtomically(path, text.replace(/^ /, ''));
    io.out(
      `Created ${relative(root, path)} with the ${plural(survey.questions.length, 'question')} of ${from} and no responses. Check its dates and title, then import the responses with "cop import-survey".` +
        (bySession
          ? ' Its population was a session of last year: set "population"."session" to this year\'s session (its minutes file\'s name without ".md"); until then validation reports it.'
          : ''),
    );
    return 0;
  },
});
