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
export interface AnswerVisit {
  survey: SurveyFile;
  response: SurveyFile['data']['responses'][number];
  questions: Map<string, Question>;
  question: Question | undefined;
  qid: string;
  answer: unknown;
  /** The answer's path in the survey file. */
  path: Array<string | number>;
}

/** Every answer of every survey that passed its schema, in file order. */
export function* everyAnswer(surveys: readonly SurveyFile[]): Generator<AnswerVisit> {
  for (const survey of surveys) {
    const questions = questionsOf(survey);
    for (const [r, response] of survey.data.responses.entries()) {
      for (const [qid, answer] of Object.entries(response.answers)) {
        yield {
          survey,
          response,
          questions,
          question: questions.get(qid),
          qid,
          answer,
          path: ['responses', r, 'answers', qid],
        };
      }
    }
  }
}
