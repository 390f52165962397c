import type { AcademicYear } from '../model/dates.js';
import type { Lookup } from '../model/lookup.js';
import type { Session, SurveyFile } from '../model/repository.js';
import type { OutputRecord, SessionRecord, SurveyRecord } from './types.js';

/**
 * What the reports print of a session besides its figures: where it is recorded, its themes, its minutes' Markdown
 * (whose summary points the report reads) and actions.
 */
export function sessionRecord(s: Session): SessionRecord {
  return {
    file: s.file,
    themes: s.data.themes,
    body: s.body,
    actions: (s.data.actions ?? []).map((a) => ({
      id: a.id,
      text: a.text,
      status: a.status,
      ...(a.owner === undefined ? {} : { owner: a.owner }),
      ...(a.due === undefined ? {} : { due: a.due }),
    })),
  };
}

/** A survey's questions, and the written answers a coordinator chose for publication, in the survey file's order. */
export function surveyRecord(s: SurveyFile): SurveyRecord {
  const codesOf = (response: string, question: string) =>
    s.data.codes?.find((c) => c.response === response && c.question === question)?.codes ?? [];
  const quotes = (s.data.quotes ?? []).flatMap((q) => {
    const text = s.data.responses.find((r) => r.id === q.response)?.answers[q.question];
    return typeof text === 'string' && text.trim() !== ''
      ? [{ question: q.question, text: text.trim(), codes: codesOf(q.response, q.question) }]
      : [];
  });
  return { questions: s.data.questions, quotes, codebook: s.data.codebook ?? [] };
}

/** Outputs dated in a year, their authors as published: names of members and team entries, or the name as written. */
export function outputRecords(lookup: Lookup, year: AcademicYear, firstDay: string, lastDay: string): OutputRecord[] {
  const team = lookup.repo.community?.data.team ?? [];
  return (lookup.repo.outputs?.entries ?? [])
    .map((e) => e.data)
    .filter((o) => (o.date !== undefined ? o.date >= firstDay && o.date <= lastDay : o.year === year))
    .map(({ authors, ...o }) => ({
      ...o,
      authors: (authors ?? []).map(
        (a) =>
          a.name ??
          (a.team !== undefined
            ? (team.find((t) => t.id === a.team)?.name ?? a.team)
            : (lookup.members.get(a.member!)?.name ?? a.member!)),
      ),
    }));
}
