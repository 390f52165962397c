import { academicYearOf } from '../model/dates.js';
import { everyMinutesFile, everySurveyFile } from '../model/repository.js';
import type { CheckContext } from './context.js';

/** Files stand where the data model says: minutes under their academic year and named by their date, surveys by their id. */
export function checkPlacement(ctx: CheckContext): void {
  const { repo, out } = ctx;
  const yearStart = repo.community?.data.yearStart;

  for (const s of everyMinutesFile(repo)) {
    const date = s.data.date;
    if (date === undefined) continue;
    if (!s.id.startsWith(`${date}-`) || s.id.length === date.length + 1) {
      out.error('file-name', s, ['date'], `the file name must start with the session date and a short name, for example "${date}-${slugHint(s.data.title ?? '')}.md" (it is "${s.id}.md")`);
    }
    if (!yearStart) continue;
    const year = academicYearOf(date, yearStart);
    if (s.folder !== year) {
      out.error('file-folder', s, ['date'], `a session on ${date} belongs to the academic year ${year}: move the file to minutes/${year}/`);
    }
  }

  for (const s of everySurveyFile(repo)) {
    if (s.data.id !== undefined && s.data.id !== s.name) {
      out.error('file-name', s, ['id'], `the survey id "${s.data.id}" must match its file name "${s.name}.json": rename the file or change the id`);
    }
    if (s.data.opened === undefined) continue;
    if (s.data.closed !== undefined && s.data.closed < s.data.opened) {
      out.error('date-order', s, ['closed'], `the survey closes (${s.data.closed}) before it opens (${s.data.opened})`);
    }
    if (!yearStart) continue;
    const year = academicYearOf(s.data.opened, yearStart);
    if (s.folder !== year) {
      out.error('file-folder', s, ['opened'], `a survey opened on ${s.data.opened} belongs to the academic year ${year}: move the file to surveys/${year}/`);
    }
  }

  everyMinutesFile(repo).forEach((s) => {
    const date = s.data.date;
    s.data.actions?.forEach((a, i) => {
      if (date !== undefined && a.due !== undefined && a.due < date) {
        out.warning('date-order', s, ['actions', i, 'due'], `action "${a.id}" is due (${a.due}) before the session that recorded it (${date}): correct the due date (an action copied from earlier minutes needs a new id and date, or remove it)`);
      }
    });
  });
}

function slugHint(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'session';
}
