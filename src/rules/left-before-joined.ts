import { defineRule } from './define.js';
import { change } from './examples/community.js';

export default defineRule({
  id: 'left-before-joined',
  severity: 'error',
  summary: "a member's `left` before `joined`",
  stage: 'records',
  check({ repo, report }) {
    for (const { index, data } of repo.members.entries) {
      if (data.left !== undefined && data.left < data.joined)
        report(
          repo.members,
          [index, 'left'],
          `${data.id} left (${data.left}) before joining (${data.joined}): correct one of the dates`,
        );
    }
  },
  examples: [
    { title: 'left after joining', files: {}, expect: [] },
    {
      title: 'left before joining',
      files: change('data/members.json', '"left": "2025-06-30"', '"left": "2023-06-30"'),
      expect: ['data/members.json:5:13 m03 left (2023-06-30) before joining (2024-01-10): correct one of the dates'],
    },
  ],
});
