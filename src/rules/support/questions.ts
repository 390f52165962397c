import type { SurveyFile } from '../../model/repository.js';
import type { Question } from '../../model/survey.js';

/** A survey's questions by id, the first of two with one id (the other is a duplicate-id problem). */
export function questionsOf(survey: SurveyFile): Map<string, Question> {
  const questions = new Map<string, Question>();
  for (const q of survey.data.questions) if (!questions.has(q.id)) questions.set(q.id, q);
  return questions;
}

/**
 * One answer of one response, with where it is and the question it answers (undefined when the survey has none of that
 * id).
 */
export class AnswerVisit {
  constructor(
    readonly survey: SurveyFile,
    readonly response: SurveyFile['data']['responses'][number],
    readonly questions: Map<string, Question>,
    readonly question: Question | undefined,
    readonly qid: string,
    readonly answer: unknown,
    private readonly index: number,
  ) {}

  /** The answer's path in the survey file: made when a problem is told, not for each of a survey's answers. */
  get path(): Array<string | number> {
    return ['responses', this.index, 'answers', this.qid];
  }
}

/** Every answer of every survey that passed its schema, in file order. */
export function* everyAnswer(surveys: readonly SurveyFile[]): Generator<AnswerVisit> {
  for (const survey of surveys) {
    const questions = questionsOf(survey);
    const responses = survey.data.responses;
    for (let r = 0; r < responses.length; r++) {
      const response = responses[r]!;
      for (const qid in response.answers)
        yield new AnswerVisit(survey, response, questions, questions.get(qid), qid, response.answers[qid], r);
    }
  }
}
