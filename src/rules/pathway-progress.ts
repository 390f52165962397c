import { defineRule } from './define.js';
import { change, PATHWAYS } from './examples/community.js';

export default defineRule({
  id: 'pathway-progress',
  severity: 'error',
  summary:
    "a member's progress along a pathway that skips a stage, goes back in time, goes on after a withdrawal or starts " +
    'before they joined, or a second entry for the same member and pathway',
  stage: 'records',
  check({ repo, lookup, report }) {
    const file = repo.pathways;
    if (!file) return;
    const seen = new Map<string, number>();
    file.data.progress.forEach((p, i) => {
      const key = `${p.member}/${p.pathway}`;
      if (seen.has(key)) {
        report(
          file,
          ['progress', i, 'member'],
          `${p.member} has a second entry for ${p.pathway}: keep one entry per member and pathway, with every ` +
            `stage's date in it`,
          { cause: { source: file, path: ['progress', seen.get(key)!], message: 'the first entry' } },
        );
        return;
      }
      seen.set(key, i);
      const pathway = file.data.pathways.find((x) => x.id === p.pathway);
      if (!pathway) return;
      // Stages in the pathway's order: each reached after the one before, none skipped.
      const reached = pathway.stages.filter((s) => p.stages[s] !== undefined);
      let before: { stage: string; date: string } | undefined;
      for (const [k, stage] of pathway.stages.entries()) {
        const date = p.stages[stage];
        if (date === undefined) {
          const later = pathway.stages.slice(k + 1).find((s) => p.stages[s] !== undefined);
          if (later && reached.indexOf(later) >= 0)
            report(
              file,
              ['progress', i, 'stages', later],
              `${later} is reached without ${stage}, the stage before it: stages of ${pathway.id} are reached in ` +
                `order (${pathway.stages.join(', ')}); add the day ${stage} was reached`,
              { part: 'key' },
            );
          break;
        }
        if (before && date < before.date)
          report(
            file,
            ['progress', i, 'stages', stage],
            `${stage} is dated ${date}, before ${before.stage} (${before.date}): a later stage cannot be reached ` +
              `earlier; correct one of the dates`,
          );
        before = { stage, date };
      }
      if (p.withdrawn !== undefined)
        for (const stage of reached)
          if (p.stages[stage]! > p.withdrawn)
            report(
              file,
              ['progress', i, 'stages', stage],
              `${stage} is dated ${p.stages[stage]}, after the withdrawal on ${p.withdrawn}: remove "withdrawn" if ` +
                `the member came back, or correct the date`,
            );
      const joined = lookup.members.get(p.member)?.joined;
      const first = reached[0];
      if (joined !== undefined && first !== undefined && p.stages[first]! < joined)
        report(
          file,
          ['progress', i, 'stages', first],
          `${first} is dated ${p.stages[first]}, before ${p.member} joined the community (${joined}): progress ` +
            `counts from their membership; correct the date, or their "joined" in data/members.json`,
        );
    });
  },
  examples: [
    { title: 'stages in order, a withdrawal after the last stage reached', files: {}, expect: [] },
    {
      title: 'a stage skipped, and a date that goes back',
      files: change(
        PATHWAYS,
        '"stages": { "registered": "2024-11-20", "submitted": "2025-03-14" } },',
        '"stages": { "submitted": "2024-10-14", "recognised": "2025-03-14" } },\n    { "member": "m03", "pathway": ' +
          '"ukat-recognition",\n      "stages": { "registered": "2025-03-01", "submitted": "2025-02-14" } },',
      ),
      expect: [
        'data/pathways.json:8:19 submitted is reached without registered, the stage before it: stages of ' +
          'ukat-recognition are reached in order (registered, submitted, recognised); add the day registered was ' +
          'reached',
        'data/pathways.json:10:60 submitted is dated 2025-02-14, before registered (2025-03-01): a later stage ' +
          'cannot be reached earlier; correct one of the dates',
      ],
    },
    {
      title: 'progress after a withdrawal, and before the member joined',
      files: change(
        PATHWAYS,
        '"stages": { "registered": "2024-11-20" }, "withdrawn": "2025-02-01" }',
        '"stages": { "registered": "2023-06-20", "submitted": "2025-03-01" }, "withdrawn": "2025-02-01" }',
      ),
      expect: [
        'data/pathways.json:10:33 registered is dated 2023-06-20, before m02 joined the community (2023-09-01): ' +
          'progress counts from their membership; correct the date, or their "joined" in data/members.json',
        'data/pathways.json:10:60 submitted is dated 2025-03-01, after the withdrawal on 2025-02-01: remove ' +
          '"withdrawn" if the member came back, or correct the date',
      ],
    },
  ],
});
