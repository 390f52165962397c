import { mean, median, sum } from 'd3-array';
import { isAnswered, multiValues, singleValue, wasAsked } from '../model/answers.js';
import type { Lookup } from '../model/lookup.js';
import type { SurveyFile } from '../model/repository.js';
import type { Question, ScaleQuestion, SurveyResponse } from '../model/survey.js';
import { guestCount } from './sessions.js';
import type { QuestionMetrics, ScaleMetrics, SurveyMetrics } from './types.js';

/** Per question: n, counts with every option (zeros included), and for scales the mean and median over n. */
export function surveyMetrics(lookup: Lookup, survey: SurveyFile, attendedAny: number): SurveyMetrics {
  const { data } = survey;
  const population = populationOf(lookup, survey, attendedAny);
  const questions: Record<string, QuestionMetrics> = {};
  for (const q of data.questions) questions[q.id] = questionMetrics(q, data.responses);
  const coding = codingOf(survey);
  if (coding) for (const [id, m] of Object.entries(coding.questions)) Object.assign(questions[id]!, m);
  return {
    title: data.title,
    file: survey.file,
    responses: data.responses.length,
    population,
    of: 'count' in data.population ? (data.population.of ?? 'members') : 'members',
    responseRate: population ? data.responses.length / population : null,
    questions,
    ...(coding ? { codes: coding.survey, wrote: coding.wrote } : {}),
  };
}

/**
 * The figures of a survey's coded answers, when it has a codebook: per written question,
 * `coded` (answers with a code) and `codes` (answers given each code, zeros included); per
 * survey, `codes` (distinct responses given each code in any question). Only codes of
 * answers that exist count: an entry naming no written answer is a validation error.
 */
function codingOf(survey: SurveyFile):
  | {
      questions: Record<string, { coded: number; codes: Record<string, number> }>;
      survey: Record<string, number>;
      wrote: number;
    }
  | undefined {
  const codebook = survey.data.codebook;
  if (!codebook) return undefined;
  const ids = codebook.map((c) => c.id);
  const zero = () => Object.fromEntries(ids.map((id) => [id, 0]));
  const text = survey.data.questions.filter((q) => q.type === 'text');
  const questions = Object.fromEntries(text.map((q) => [q.id, { coded: 0, codes: zero() }]));
  const byCode = new Map(ids.map((id) => [id, new Set<string>()]));
  const answered = (response: string, question: string) =>
    isAnswered(survey.data.responses.find((r) => r.id === response)?.answers[question]);
  const seen = new Set<string>();
  for (const entry of survey.data.codes ?? []) {
    const q = questions[entry.question];
    const key = `${entry.response}\u0000${entry.question}`;
    if (!q || seen.has(key) || !answered(entry.response, entry.question)) continue;
    seen.add(key);
    const codes = new Set(entry.codes.filter((c) => byCode.has(c)));
    if (codes.size > 0) q.coded++;
    for (const c of codes) {
      q.codes[c]!++;
      byCode.get(c)!.add(entry.response);
    }
  }
  const wrote = survey.data.responses.filter((r) => text.some((q) => isAnswered(r.answers[q.id]))).length;
  return { questions, survey: Object.fromEntries(ids.map((id) => [id, byCode.get(id)!.size])), wrote };
}

function populationOf(lookup: Lookup, survey: SurveyFile, attendedAny: number): number | null {
  const pop = survey.data.population;
  if ('count' in pop) return pop.count;
  if (pop.rule === 'attended-any') return attendedAny;
  const session = lookup.sessions.get(pop.session);
  return session ? new Set(session.data.attendees).size + guestCount(session) : null;
}

function questionMetrics(q: Question, responses: readonly SurveyResponse[]): QuestionMetrics {
  const answers = responses.map((r) => r.answers[q.id]).filter(isAnswered);
  const asked = q.askedIf || q.type === 'multi' ? { asked: responses.filter((r) => wasAsked(q, r)).length } : {};
  switch (q.type) {
    case 'single': {
      const counts = zeroCounts(q.options.map((o) => o.value));
      for (const a of answers) {
        const v = String(singleValue(a));
        if (v in counts) counts[v]!++;
      }
      return { type: 'single', n: answers.length, ...asked, counts };
    }
    case 'multi': {
      const counts = zeroCounts(q.options.map((o) => o.value));
      for (const a of answers) for (const v of new Set(multiValues(a))) if (v in counts) counts[v]!++;
      return { type: 'multi', n: answers.length, ...asked, counts };
    }
    case 'scale':
      return { type: 'scale', ...scaleMetrics(q, answers), ...asked };
    case 'matrix': {
      const items: Record<string, ScaleMetrics> = {};
      for (const item of q.items) {
        const values = answers
          .map((a) => (a as Record<string, unknown>)[item.id])
          .filter((v) => v !== undefined && v !== null);
        items[item.id] = scaleMetrics(q, values);
      }
      return { type: 'matrix', ...asked, items };
    }
    case 'text':
      return { type: 'text', n: answers.length, ...asked };
  }
}

function scaleMetrics(q: ScaleQuestion, answers: readonly unknown[]): ScaleMetrics {
  const points = new Set(q.scale.map((p) => p.value));
  const onScale = answers.filter((a): a is number => typeof a === 'number' && points.has(a));
  const na = new Set((q.notApplicable ?? []).map((n) => n.value));
  const counts = zeroCounts(q.scale.map((p) => String(p.value)));
  for (const v of onScale) counts[String(v)]!++;
  return {
    n: onScale.length,
    notApplicable: sum(answers, (a) => (typeof a === 'string' && na.has(a) ? 1 : 0)),
    mean: mean(onScale) ?? null,
    median: median(onScale) ?? null,
    counts,
  };
}

function zeroCounts(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}
