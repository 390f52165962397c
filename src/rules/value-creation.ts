import type { ValueIndicator } from '../model/community.js';
import type { Question } from '../model/survey.js';
import { metricPaths } from '../model/value-creation.js';
import { defineRule } from './define.js';
import { change } from './examples/community.js';
import { suggestion } from './support/suggest.js';

const COMMUNITY = 'data/community.json';
const mapping = (json: string) => change(COMMUNITY, '"team": [', `"valueCreation": ${json},\n  "team": [`);

/** What is wrong with a survey indicator, given every version of its question across the years, or undefined. */
function surveyProblem(
  i: ValueIndicator,
  questions: readonly Question[],
): { field: keyof ValueIndicator; message: string } | undefined {
  const q = questions[0]!;
  const values = new Set<string>(
    questions.flatMap((x) =>
      x.type === 'single' || x.type === 'multi'
        ? x.options.map((o) => o.value)
        : x.type === 'scale' || x.type === 'matrix'
          ? x.scale.map((p) => String(p.value))
          : [],
    ),
  );
  if (q.type === 'text')
    return {
      field: 'question',
      message: `question "${q.id}" is a written question: name a question with choices or ratings, or code its answers`,
    };
  if (q.type === 'matrix') {
    if (i.item === undefined)
      return {
        field: 'question',
        message: `question "${q.id}" is a matrix: add "item" to name the item whose ratings are the evidence`,
      };
    const items = questions.flatMap((x) => (x.type === 'matrix' ? x.items.map((it) => it.id) : []));
    if (!items.includes(i.item))
      return { field: 'item', message: `question "${q.id}" has no item "${i.item}".${suggestion(i.item, items)}` };
  } else if (i.item !== undefined)
    return { field: 'item', message: `"item" is only for a matrix question, and "${q.id}" is not one: remove it` };
  if ((q.type === 'single' || q.type === 'multi') && i.values === undefined) {
    return {
      field: 'question',
      message:
        `question "${q.id}" has choices, not ratings: add "values", the answers whose share of n is the ` + `evidence`,
    };
  }
  const unknown = (i.values ?? []).map(String).find((v) => !values.has(v));
  if (unknown !== undefined)
    return {
      field: 'values',
      message:
        `"${unknown}" is not an answer of question "${q.id}".${suggestion(unknown, values)} Use one of ` +
        `${[...values].join(', ')}`,
    };
  return undefined;
}

export default defineRule({
  id: 'value-creation',
  severity: 'error',
  summary:
    'a value-creation indicator in `data/community.json` that names a survey, question, item, answer or figure ' +
    'that does not exist',
  stage: 'records',
  check({ repo, report }) {
    const community = repo.community;
    if (!community?.data.valueCreation) return;
    const surveys = repo.surveys.map((s) => s.data);
    const paths = metricPaths((repo.pathways?.data.pathways ?? []).map((p) => p.id));
    for (const [cycle, indicators] of Object.entries(community.data.valueCreation)) {
      (indicators ?? []).forEach((i, index) => {
        const at = (field: string) => ['valueCreation', cycle, index, field];
        const pathwayIds = (repo.pathways?.data.pathways ?? []).map((p) => p.id);
        const pathway = /^pathways\.([^.]+)\./.exec(i.metric ?? '')?.[1];
        if (i.metric !== undefined && pathway !== undefined && !pathwayIds.includes(pathway))
          report(
            community,
            at('metric'),
            `"${i.metric}" names the pathway "${pathway}", which data/pathways.json does not have.` +
              `${suggestion(pathway, pathwayIds)} Its pathways are: ${pathwayIds.join(', ') || 'none yet'}`,
          );
        else if (i.metric !== undefined && !paths.includes(i.metric)) {
          report(
            community,
            at('metric'),
            `"${i.metric}" is not a figure of the metrics.${suggestion(i.metric, paths)} The figures an ` +
              `indicator can name are listed in docs/reports.md`,
          );
        }
        if (i.survey === undefined || i.question === undefined) return;
        const ofSurvey = surveys.filter((s) => s.id === i.survey);
        if (ofSurvey.length === 0) {
          const ids = [...new Set(surveys.map((s) => s.id))];
          report(
            community,
            at('survey'),
            `no survey has the id "${i.survey}".${suggestion(i.survey, ids)} The surveys are: ` +
              `${ids.join(', ') || 'none yet'}`,
          );
          return;
        }
        const questions = ofSurvey.flatMap((s) => s.questions.filter((q) => q.id === i.question));
        if (questions.length === 0) {
          const ids = [...new Set(ofSurvey.flatMap((s) => s.questions.map((q) => q.id)))];
          report(
            community,
            at('question'),
            `survey "${i.survey}" has no question "${i.question}".${suggestion(i.question, ids)}`,
          );
          return;
        }
        const problem = surveyProblem(i, questions);
        if (problem) report(community, at(problem.field), problem.message);
      });
    }
  },
  examples: [
    {
      title: 'evidence from a rating, a share of answers, outputs and a figure',
      files: mapping(
        '{ "immediate": [{ "label": "Useful", "survey": "feedback", "question": "useful" }], "applied": [{ ' +
          '"label": "Would come again", "survey": "feedback", "question": "again", "values": ["yes"] }], ' +
          '"potential": [{ "label": "Talks", "outputs": "presentation" }, { "label": "Participants", "metric": ' +
          '"members.attendedAny" }] }',
      ),
      expect: [],
    },
    {
      title: 'a question that is not in the survey',
      files: mapping('{ "immediate": [{ "label": "Useful", "survey": "feedback", "question": "usefull" }] }'),
      expect: ['data/community.json:10:91 survey "feedback" has no question "usefull". Did you mean "useful"?'],
    },
    {
      title: 'a choice question without the answers that count',
      files: mapping('{ "applied": [{ "label": "Would come again", "survey": "feedback", "question": "again" }] }'),
      expect: [
        'data/community.json:10:99 question "again" has choices, not ratings: add "values", the answers whose ' +
          'share of n is the evidence',
      ],
    },
    {
      title: 'an answer the question does not have',
      files: mapping(
        '{ "applied": [{ "label": "Would come again", "survey": "feedback", "question": "again", "values": ' +
          '["yse"] }] }',
      ),
      expect: [
        'data/community.json:10:118 "yse" is not an answer of question "again". Did you mean "yes"? Use one of yes, no',
      ],
    },
    {
      title: 'a figure the metrics do not have',
      files: mapping('{ "realised": [{ "label": "Participants", "metric": "members.attended" }] }'),
      expect: [
        'data/community.json:10:72 "members.attended" is not a figure of the metrics. Did you mean ' +
          '"members.attendedAny"? The figures an indicator can name are listed in docs/reports.md',
      ],
    },
    {
      title: "a pathway's figure, and a pathway that data/pathways.json does not have",
      files: mapping(
        '{ "realised": [{ "label": "Recognised", "metric": "pathways.ukat-recognition.awarded" }, ' +
          '{ "label": "Awards", "metric": "pathways.ljmu-award.awarded" }] }',
      ),
      expect: [
        'data/community.json:10:140 "pathways.ljmu-award.awarded" names the pathway "ljmu-award", which ' +
          'data/pathways.json does not have. Its pathways are: ukat-recognition',
      ],
    },
    {
      title: 'a survey that does not exist',
      files: mapping('{ "immediate": [{ "label": "Useful", "survey": "evaluation", "question": "useful" }] }'),
      expect: ['data/community.json:10:67 no survey has the id "evaluation". The surveys are: feedback'],
    },
  ],
});
