import { FILES } from '../../load/documents.js';
import { expectedIds, listing, suggestion } from '../support/suggest.js';
import type { ReferenceCheck } from './context.js';

/** An output's authors name members or team entries by id (others are named as published). */
export const authors: ReferenceCheck = ({ repo, lookup, report, member, teamKnown }) => {
  const outputs = repo.outputs;
  outputs?.entries.forEach(({ index, data }) => {
    data.authors?.forEach((a, j) => {
      if (a.member !== undefined) member(a.member, outputs, [index, 'authors', j, 'member'], 'author');
      if (a.team !== undefined && teamKnown && !lookup.team.has(a.team)) {
        const team = [...lookup.team];
        report(
          outputs,
          [index, 'authors', j, 'team'],
          `team "${a.team}" is not in the team of ` +
            `${FILES.community}.${suggestion(a.team, team)}${listing(a.team, team, 'team entries')}`,
          { expected: expectedIds(a.team, team) },
        );
      }
    });
  });
};
