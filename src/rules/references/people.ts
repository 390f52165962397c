import { everyMinutesFile } from '../../model/repository.js';
import type { ReferenceCheck } from './context.js';

/** Attendees and presenters name members; facilitators and action owners, the team or members. */
export const attendees: ReferenceCheck = ({ repo, member }) => {
  for (const s of everyMinutesFile(repo))
    s.data.attendees?.forEach((id, i) => void member(id, s, ['attendees', i], 'attendee'));
};

export const presenters: ReferenceCheck = ({ repo, member }) => {
  for (const s of everyMinutesFile(repo))
    s.data.presenters?.forEach(
      (p, i) => void (p.member !== undefined && member(p.member, s, ['presenters', i, 'member'], 'presenter')),
    );
};

export const facilitators: ReferenceCheck = ({ repo, person }) => {
  for (const s of everyMinutesFile(repo))
    s.data.facilitators?.forEach((id, i) => void person(id, s, ['facilitators', i], 'facilitator'));
};

export const actionOwners: ReferenceCheck = ({ repo, person }) => {
  for (const s of everyMinutesFile(repo))
    s.data.actions?.forEach(
      (a, i) => void (a.owner !== undefined && person(a.owner, s, ['actions', i, 'owner'], 'action owner')),
    );
};
