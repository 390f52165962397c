import type { BlockContent, Root, RootContent } from 'mdast';
import { remark } from 'remark';
import type { ReportContext } from '../context.js';
import { list, paragraph, strong } from '../../format/markdown.js';
import { defineSection } from '../section.js';

function aimsSection(ctx: ReportContext): RootContent[] {
  return [
    paragraph(`The ${ctx.community.name} aims to:`),
    list(
      ctx.community.aims.map((a) =>
        a.description === undefined
          ? [strong(a.title)]
          : [paragraph(strong(a.title)), ...((remark().parse(a.description) as Root).children as BlockContent[])],
      ),
      true,
    ),
  ];
}

export default defineSection({
  id: 'aims',
  title: 'Aims',
  render: ({ ctx }) => aimsSection(ctx),
});
