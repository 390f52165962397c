import { everySurveyFile } from '../../model/repository.js';
import type { Question } from '../../model/survey.js';
import { expectedIds, suggestion } from '../support/suggest.js';
import type { ReferenceCheck } from './context.js';

/** A survey whose population is a session's people names that session's minutes. */
export const populationSession: ReferenceCheck = ({ repo, lookup, report }) => {
  for (const s of everySurveyFile(repo)) {
    const pop = s.data.population;
    if (!pop || !('rule' in pop) || pop.rule !== 'session') continue;
    if (pop.session.trim() === '') {
      report(
        s,
        ['population', 'session'],
        'the population session is not set yet: write the id of the session whose people the survey asked ' +
          '(its minutes file\'s name without ".md"), or give the population as { "count": N }',
      );
    } else if (!lookup.sessions.has(pop.session) && !repo.brokenSessionIds.has(pop.session)) {
      report(
        s,
        ['population', 'session'],
        `session "${pop.session}" has no minutes file: use a minutes file's name without ` +
          `".md".${suggestion(pop.session, lookup.sessions.keys())}`,
        { expected: expectedIds(pop.session, lookup.sessions.keys()) },
      );
    }
  }
};

/** A question asked only after another's answer names that question, and answers it has. */
export const askedIf: ReferenceCheck = ({ repo, report }) => {
  for (const survey of repo.surveys) {
    const questions = new Map<string, Question>();
    for (const q of survey.data.questions) if (!questions.has(q.id)) questions.set(q.id, q);
    survey.data.questions.forEach((q, i) => {
      if (!q.askedIf) return;
      const target = questions.get(q.askedIf.question);
      const at = ['questions', i, 'askedIf'];
      if (!target || target.id === q.id) {
        report(
          survey,
          [...at, 'question'],
          `askedIf refers to question "${q.askedIf.question}", which is not another question of this survey`,
          {
            expected: expectedIds(
              q.askedIf.question,
              [...questions.keys()].filter((id) => id !== q.id),
            ),
          },
        );
        return;
      }
      const allowed = answerValues(target);
      q.askedIf.in.forEach((v, j) => {
        if (allowed && !allowed.includes(String(v)))
          report(
            survey,
            [...at, 'in', j],
            `"${String(v)}" is not an answer of question ${target.id}: use one of ${allowed.join(', ')}`,
            {
              expected: allowed,
            },
          );
      });
    });
  }
};

function answerValues(q: Question): string[] | undefined {
  if (q.type === 'single' || q.type === 'multi') return q.options.map((o) => o.value);
  if (q.type === 'scale')
    return [...q.scale.map((p) => String(p.value)), ...(q.notApplicable ?? []).map((n) => n.value)];
  return undefined;
}
