import type { SurveyFile } from '../../model/repository.js';
import type { Question } from '../../model/survey.js';

/** A survey's questions by id, the first of two with one id (the other is a duplicate-id problem). */
export function questionsOf(survey: SurveyFile): Map<string, Question> {
  const questions = new Map<string, Question>();
  for (const q of survey.data.questions) if (!questions.has(q.id)) questions.set(q.id, q);
  return questions;
}
