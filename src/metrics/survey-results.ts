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
  return {
    title: data.title,
    file: survey.file,
    responses: data.responses.length,
    population,
    responseRate: population ? data.responses.length / population : null,
    questions,
  };
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
        const values = answers.map((a) => (a as Record<string, unknown>)[item.id]).filter((v) => v !== undefined && v !== null);
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
