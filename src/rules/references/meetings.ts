import { FILES } from '../../load/documents.js';
import { expectedIds, listing, suggestion } from '../support/suggest.js';
import type { ReferenceCheck } from './context.js';

/**
 * A meeting return's units, referrals and topics name something the community knows: a unit of data/units.json; a
 * service unit or one of community.json's referralTargets; a theme or one of its meetingTopics.
 */
export const meetingReturns: ReferenceCheck = ({ repo, lookup, report, unitsKnown, shapeOnly }) => {
  const community = repo.community?.data;
  const services = [...lookup.units.values()].filter((u) => u.kind === 'service').map((u) => u.id);
  const targets = [...services, ...(community?.referralTargets ?? []).map((t) => t.id)];
  const topics = [...lookup.themes, ...(community?.meetingTopics ?? []).map((t) => t.id)];
  for (const m of repo.meetings) {
    m.data.units.forEach((entry, i) => {
      if (!unitsKnown) shapeOnly(entry.unit, m, ['units', i, 'unit'], 'unit');
      else if (!lookup.unit(entry.unit) && !repo.units.brokenIds.has(entry.unit)) {
        const ids = [...lookup.units.keys()];
        report(
          m,
          ['units', i, 'unit'],
          `unit "${entry.unit}" is not in ${FILES.units}.${suggestion(entry.unit, ids)}` +
            `${listing(entry.unit, ids, 'unit ids nearest to it')} A new unit goes in ${FILES.units}.`,
          { expected: expectedIds(entry.unit, ids) },
        );
      }
      for (const key of Object.keys(entry.referrals ?? {})) {
        if (!unitsKnown || community === undefined || targets.includes(key)) continue;
        report(
          m,
          ['units', i, 'referrals', key],
          `referrals to "${key}": it is neither a service of ${FILES.units} nor a referral target of ` +
            `${FILES.community}.${suggestion(key, targets)} A service outside the roster goes in "referralTargets" ` +
            `in ${FILES.community}: [{ "id": "${key}", "title": "…" }].`,
          { part: 'key', expected: expectedIds(key, targets) },
        );
      }
      for (const key of Object.keys(entry.topics ?? {})) {
        if (community === undefined || topics.includes(key)) continue;
        report(
          m,
          ['units', i, 'topics', key],
          `topic "${key}" is neither a theme nor a meeting topic of ${FILES.community}.` +
            `${suggestion(key, topics) || ` The themes and topics are: ${topics.join(', ')}.`} A topic that is not a ` +
            `theme goes in "meetingTopics" in ` +
            `${FILES.community}: [{ "id": "${key}", "title": "…" }].`,
          { part: 'key', expected: expectedIds(key, topics) },
        );
      }
    });
  }
};
