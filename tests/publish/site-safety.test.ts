import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, fixtureWith, replaceOnce } from '../helpers/repo.js';
import { temporaryDir } from '../helpers/temp.js';

const run = promisify(execFile);
const FIRST = 'minutes/2021-22/2021-10-12-first-meeting.md';

/** Every file below a folder with its bytes, hidden ones and .git included. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = relative(dir, join(e.parentPath, e.name)).split(sep).join('/');
    out.set(path, (await readFile(join(dir, path))).toString('base64'));
  }
  return out;
}

describe('cop site never touches what it did not write', () => {
  it.each([
    ['the repository itself', '.', 'is the repository itself'],
    ['the folder that holds the repository', '..', 'holds the repository'],
    ['a records folder', 'data', 'is inside data/, which holds the records'],
    ['a folder inside the git history', '.git/site', 'is inside .git/, which holds the records'],
  ])('refuses %s with exit 2, and every file is still there', async (_what, out, reason) => {
    const parent = await temporaryDir();
    const root = join(parent, 'community');
    await run('cp', ['-r', MULTI_YEAR, root]);
    await run('git', ['init', '--quiet', root]);
    await writeFile(join(parent, 'beside.txt'), 'a file beside the repository\n');
    const before = await snapshot(parent);
    const r = await cop(['site', '--out', join(root, out), '--skip-pdf', '--root', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(reason);
    expect(r.stderr).toContain('Nothing was written or removed');
    expect(await snapshot(parent)).toEqual(before);
  });

  it('refuses a folder that holds files of its own; in its own folder, removes only what it wrote before', async () => {
    const root = await fixtureWith(MULTI_YEAR);
    const theirs = await temporaryDir();
    await writeFile(join(theirs, 'notes.txt'), 'mine\n');
    const refused = await cop(['site', '--out', theirs, '--skip-pdf', '--root', root]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('holds files that an earlier "cop site" did not write');
    expect(await readdir(theirs)).toEqual(['notes.txt']);

    const out = join(await temporaryDir(), 'site');
    expect((await cop(['site', '--out', out, '--skip-pdf', '--root', root])).code).toBe(0);
    const marker = JSON.parse(await readFile(join(out, '.cop-site.json'), 'utf8')) as { files: string[] };
    expect(marker.files).toContain('index.html');
    // Someone adds a file of their own; a page the next build no longer writes goes, theirs stays.
    await writeFile(join(out, 'CNAME'), 'reports.example.org\n');
    await mkdir(join(out, '2019-20'), { recursive: true });
    await writeFile(join(out, '2019-20/annual-report.html'), 'old');
    await writeFile(
      join(out, '.cop-site.json'),
      JSON.stringify({ files: [...marker.files, '2019-20/annual-report.html', '../../escape.txt'] }),
    );
    expect((await cop(['site', '--out', out, '--skip-pdf', '--root', root])).code).toBe(0);
    expect(await readFile(join(out, 'CNAME'), 'utf8')).toBe('reports.example.org\n');
    await expect(readFile(join(out, '2019-20/annual-report.html'))).rejects.toThrow();
  });
});

describe('what cop site publishes is safe to publish, whatever reports/ and the records hold', () => {
  it('no script, no foreign image, no link to the machine, no file the build did not write', {
    timeout: 120_000,
  }, async () => {
    // A community that turned the link check off: the site still neutralises what it would publish.
    const root = await fixtureWith(MULTI_YEAR, {
      'data/community.json': replaceOnce('"institution":', '"rules": { "unsafe-link": "off" },\n  "institution":'),
      [FIRST]: replaceOnce(
        '- Agreed how the network will meet.',
        '- Agreed [how](javascript:alert(1)) the network will <javascript:alert(2)> meet ' +
          '![t](https://tracker.example/p.png) ![p](../../photo.png) [ok](https://example.org/a).',
      ),
      'data/outputs.json':
        '[\n  { "id": "talk", "type": "presentation", "title": "Mentoring", "date": "2022-11-01", "url": ' +
        '"javascript:alert(3)" }\n]\n',
    });
    await writeFile(join(root, 'photo.png'), 'not really a photo');
    expect((await cop(['build', '--root', root])).code).toBe(0);
    // The full metrics, saved by hand where the reports are: never published.
    await writeFile(join(root, 'reports/full-metrics.json'), '{"secret": true}\n');
    const out = join(await temporaryDir(), 'site');
    const r = await cop(['site', '--out', out, '--root', root]);
    expect(r.code, r.stderr).toBe(0);
    const files = (await readdir(out, { recursive: true })).filter((f) => !f.startsWith('.'));
    expect(files).not.toContain('full-metrics.json');
    const published = files.filter((f) => /\.(html|svg|pdf)$/.test(f));
    expect(published.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThan(0);
    let checked = 0;
    for (const f of published) {
      const text = (await readFile(join(out, f))).toString('latin1');
      expect(text, f).not.toMatch(/javascript:/i);
      expect(text, f).not.toContain('tracker.example');
      expect(text, f).not.toContain('photo.png');
      expect(text, f).not.toContain('file://');
      if (f.endsWith('.html'))
        expect(text, f).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
      checked++;
    }
    expect(checked).toBe(published.length);
    // The safe link is kept, on the page and in the PDF.
    expect(await readFile(join(out, '2021-22/annual-report.html'), 'utf8')).toContain('href="https://example.org/a"');
    const { stdout } = await run('pdftotext', [join(out, 'annual-report-2021-22.pdf'), '-']);
    expect(stdout).toContain('Agreed how the network will');
  });
});
