import { FILES } from '../../load/documents.js';
import { everyMinutesFile } from '../../model/repository.js';
import { expectedIds, listing, nameKey, suggestion } from '../support/suggest.js';
import type { ReferenceCheck } from './context.js';

/** A theme's aims are aims of the same file. */
export const themeAims: ReferenceCheck = ({ repo, lookup, report }) => {
  const community = repo.community;
  const aims = [...lookup.aims];
  community?.data.themes.forEach((t, i) => {
    t.aims.forEach((aim, j) => {
      if (!lookup.aims.has(aim))
        report(
          community,
          ['themes', i, 'aims', j],
          `aim "${aim}" is not one of the aims listed in this ` +
            `file.${suggestion(aim, aims)}${listing(aim, aims, 'aims')}`,
          { expected: expectedIds(aim, aims) },
        );
    });
  });
};

/** A session's themes are themes of data/community.json, by id (a title is told its id). */
export const sessionThemes: ReferenceCheck = ({ repo, lookup, report }) => {
  if (!repo.community) return;
  const themes = repo.community.data.themes;
  const themeIds = themes.map((t) => t.id);
  for (const s of everyMinutesFile(repo)) {
    s.data.themes?.forEach((t, i) => {
      if (lookup.themes.has(t)) return;
      const byTitle = themes.find((th) => nameKey(th.title) === nameKey(t));
      if (byTitle) {
        report(s, ['themes', i], `theme "${t}" is the title of the theme ${byTitle.id}: write ${byTitle.id}`, {
          expected: [byTitle.id],
        });
        return;
      }
      report(
        s,
        ['themes', i],
        `theme "${t}" is not in the themes of ${FILES.community}.${suggestion(t, themeIds)}` +
          `${listing(t, themeIds, 'themes')} A new theme goes in "themes" in ${FILES.community}, with the aims it ` +
          `serves.`,
        { expected: expectedIds(t, themeIds) },
      );
    });
  }
};
