import type { DocPath, SourceRef } from '../model/positions.js';
import { everyMinutesFile } from '../model/repository.js';
import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';
import { isSafeLink, schemeOf } from '../format/links.js';
import { isSafeImage, markdownTargets } from './support/markdown.js';

/** A URL as a message shows it: short, on one line. */
function shown(url: string): string {
  const one = url.replace(/\s+/g, ' ');
  return `"${one.length > 40 ? `${one.slice(0, 39)}…` : one}"`;
}

const linkMessage = (url: string) => {
  const scheme = schemeOf(url);
  return (
    `the link ${shown(url)} would be ` +
    `published${scheme ? ` with the scheme "${scheme}:"` : ' to another server'}, which could run code or reach ` +
    `the reader's machine: link only to web pages (https://…), e-mail addresses (mailto:…) or files of this ` +
    'repository'
  );
};
const IMAGE_MESSAGE = (url: string) =>
  `the image ${shown(url)} would be shown to every reader of the published reports: images of the records are ` +
  `never published, and one from another server tells it who read the report. Remove the image, or link to it as text`;

export default defineRule({
  id: 'unsafe-link',
  severity: 'error',
  summary:
    'a link in published text that is not a web, e-mail or repository address (`javascript:`, `data:`, `file:`), ' +
    "or an image that is not one of the reports' charts",
  stage: 'records',
  check({ repo, report }) {
    /** A text that is published as Markdown: each target at its own line and column. */
    const markdown = (file: string, text: string, firstLine: number) => {
      for (const t of markdownTargets(text)) {
        const at = { line: firstLine + t.position.line - 1, column: t.position.column };
        if (t.kind === 'image' ? !isSafeImage(t.url, file) : !isSafeLink(t.url))
          report.at(file, at, t.kind === 'image' ? IMAGE_MESSAGE(t.url) : linkMessage(t.url));
      }
    };
    /**
     * A value published as text: Markdown in it is shown as written, but a link in it is still refused, at the value.
     */
    const value = (source: SourceRef, path: DocPath, text: string | undefined) => {
      if (text === undefined) return;
      for (const t of markdownTargets(text))
        if (t.kind === 'image' ? !isSafeImage(t.url, source.file) : !isSafeLink(t.url))
          report(source, path, t.kind === 'image' ? IMAGE_MESSAGE(t.url) : linkMessage(t.url));
    };
    for (const s of everyMinutesFile(repo)) {
      markdown(s.file, s.body, s.bodyLine);
      value(s, ['title'], s.data.title);
      s.data.actions?.forEach((a, i) => void value(s, ['actions', i, 'text'], a?.text));
    }
    for (const n of repo.narratives) markdown(n.file, n.body, n.bodyLine);
    const community = repo.community;
    if (community) {
      value(community, ['description'], community.data.description);
      value(community, ['contact'], community.data.contact);
      value(community, ['joining'], community.data.joining);
      community.data.aims.forEach((a, i) => void value(community, ['aims', i, 'description'], a.description));
    }
    for (const e of repo.outputs?.entries ?? []) {
      if (e.data.url !== undefined && !isSafeLink(e.data.url))
        report(repo.outputs!, [e.index, 'url'], linkMessage(e.data.url));
      value(repo.outputs!, [e.index, 'title'], e.data.title);
    }
  },
  examples: [
    {
      title: 'a web link in a summary',
      files: change(MINUTES, 'their departments.', 'their departments ([slides](https://example.org/slides)).'),
      expect: [],
    },
    {
      title: 'a javascript: link in a summary',
      files: change(MINUTES, 'their departments.', 'their [departments](javascript:alert(1)).'),
      expect: [
        `minutes/2024-25/2024-10-15-welcome.md:19:43 the link "javascript:alert(1)" would be published with the ` +
          `scheme "javascript:", which could run code or reach the reader's machine: link only to web pages ` +
          `(https://…), e-mail addresses (mailto:…) or files of this repository`,
      ],
    },
    {
      title: 'an image from another server',
      files: change(MINUTES, 'their departments.', 'their departments. ![photo](https://tracker.example/p.png)'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:19:56 the image "https://tracker.example/p.png" would be shown to ' +
          'every reader of the published reports: images of the records are never published, and one from another ' +
          'server tells it who read the report. Remove the image, or link to it as text',
      ],
    },
    {
      title: "an output's link that runs code",
      files: {
        'data/outputs.json':
          '[\n  { "id": "talk", "type": "presentation", "title": "Mentoring", "date": "2024-11-01", "url": ' +
          '"javascript:alert(1)" }\n]\n',
      },
      expect: [
        `data/outputs.json:2:94 the link "javascript:alert(1)" would be published with the scheme "javascript:", ` +
          `which could run code or reach the reader's machine: link only to web pages (https://…), e-mail ` +
          `addresses (mailto:…) or files of this repository`,
      ],
    },
  ],
});
