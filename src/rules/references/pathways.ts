import { FILES } from '../../load/documents.js';
import { expectedIds, suggestion } from '../support/suggest.js';
import type { ReferenceCheck } from './context.js';

/** Progress in data/pathways.json names a member of the roster, a pathway of the file, and stages of that pathway. */
export const pathwayProgress: ReferenceCheck = ({ repo, report, member }) => {
  const file = repo.pathways;
  if (!file) return;
  const pathways = file.data.pathways;
  file.data.progress.forEach((p, i) => {
    member(p.member, file, ['progress', i, 'member'], 'member');
    const pathway = pathways.find((x) => x.id === p.pathway);
    if (!pathway) {
      const ids = pathways.map((x) => x.id);
      report(
        file,
        ['progress', i, 'pathway'],
        `pathway "${p.pathway}" is not one of "pathways" in ${FILES.pathways}.${suggestion(p.pathway, ids)}` +
          `${ids.length > 0 ? ` The pathways are: ${ids.join(', ')}.` : ' Add it to "pathways" first.'}`,
        { expected: expectedIds(p.pathway, ids) },
      );
      return;
    }
    for (const stage of Object.keys(p.stages))
      if (!pathway.stages.includes(stage))
        report(
          file,
          ['progress', i, 'stages', stage],
          `stage "${stage}" is not a stage of ${pathway.id}.${suggestion(stage, pathway.stages)} Its stages, in ` +
            `order, are: ${pathway.stages.join(', ')}.`,
          { part: 'key', expected: expectedIds(stage, pathway.stages) },
        );
  });
};
