import type { RootContent } from 'mdast';
import type { ReportContext } from '../context.js';
import { list, paragraph, strong } from '../../format/markdown.js';
import { defineSection } from '../section.js';

function aimsSection(ctx: ReportContext): RootContent[] {
  return [
    paragraph(`The ${ctx.community.name} aims to:`),
    list(
      ctx.community.aims.map((a) => [strong(a.title)]),
      true,
    ),
  ];
}

export default defineSection({
  id: 'aims',
  title: 'Aims',
  render: ({ ctx }) => aimsSection(ctx),
});
