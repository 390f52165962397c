import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/index.js';
import { validateRepository } from '../../src/pipeline/index.js';
import { renderReports } from '../../src/reports/build.js';
import { formFiles } from '../../src/edit/forms/index.js';
import { MULTI_YEAR, fixtureWith, replaceOnce } from '../helpers/repo.js';

/**
 * The multi-year fixture as an institution of schools and divisions would keep it, with technical staff among its
 * members.
 */
const SCHOOLS = {
  'data/community.json': (text: string) =>
    replaceOnce(
      'across departments',
      'across schools',
    )(text).replace(
      '"yearStart": "09-01",',
      `"yearStart": "09-01",
  "description": "Mentors from every school meet twice a term to share practice.",
  "contact": "mentoring@northfield.example",
  "joining": "Anyone who mentors students or colleagues",
  "sessionTime": "12:30-14:00",
  "timeZone": "Europe/London",
  "vocabulary": {
    "department": { "one": "school", "many": "schools" },
    "service": { "one": "division", "many": "divisions" }
  },
  "roles": [
    { "id": "professional", "title": "Professional staff" },
    { "id": "technical", "title": "Technical staff" }
  ],`,
    ),
  'data/units.json': (text: string) =>
    text.replace(/Department of /g, 'School of ').replace('"Wellbeing Service"', '"Student Wellbeing"'),
  'data/members.json': replaceOnce(/("id": "a06",[^}]*"role": )"[a-z]+"/, '$1"technical"'),
};

async function files(dir: string, under = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, under), { withFileTypes: true })) {
    const rel = under ? `${under}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await files(dir, rel)));
    else out.push(rel);
  }
  return out;
}

describe('another institution’s words', () => {
  it('are used by every report and chart, which never say department or service', async () => {
    // The reports a build writes, rendered in this process: the command is tested elsewhere.
    const root = await fixtureWith(MULTI_YEAR, SCHOOLS);
    const built = await renderReports((await validateRepository(root)).lookup);
    await rm(root, { recursive: true, force: true });
    const readable = [...built.keys()].filter((f) => /^reports\/.*\.(md|svg)$/.test(f));
    expect(readable.length).toBeGreaterThan(10);
    let checked = 0;
    for (const f of readable) {
      const text = built.get(f)!;
      expect(text.match(/[^\n]*\b(departments?|departmental|services?)\b[^\n]*/i)?.[0], f).toBeUndefined();
      checked++;
    }
    expect(checked).toBe(readable.length);
    const annual = built.get('reports/2024-25/annual-report.md')!;
    expect(annual).toContain('## School engagement');
    expect(annual).toContain('| Technical staff | 1 | 20% |');
    expect(annual).toContain('| Professional staff |');
    const index = built.get('reports/README.md')!;
    expect(index).toContain('Mentors from every school meet twice a term to share practice.');
    expect(index).toContain('**Sessions usually:** 12:30–14:00 (Europe/London time)');
    expect(index).toContain('**Who may join:** Anyone who mentors students or colleagues');
  });

  it('keep the contract’s names in the metrics, and count every role', async () => {
    const { lookup, diagnostics } = await validateRepository(await fixtureWith(MULTI_YEAR, SCHOOLS));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const y = computeMetrics(lookup).years.find((x) => x.year === '2024-25')!;
    expect(y.departments.total).toBe(5);
    expect(y.members.roles).toEqual({ academic: 3, professional: 1, technical: 1 });
    expect(y.members.professional).toBe(1);
  });

  it('reject a role the community does not have, at its line, naming the roles it has', async () => {
    const root = await fixtureWith(MULTI_YEAR, {
      ...SCHOOLS,
      'data/members.json': replaceOnce(/("id": "a06",[^}]*"role": )"[a-z]+"/, '$1"technician"'),
    });
    const { diagnostics } = await validateRepository(root);
    const found = diagnostics.filter((d) => d.file === 'data/members.json' && d.severity === 'error');
    expect(found.map((d) => [d.rule, d.line, d.message])).toEqual([
      ['schema', 7, 'role: "technician" is not allowed here: use one of technical, academic, professional'],
    ]);
  });
});

/** Words of the sample community that a form or report of another community must not carry. */
const SAMPLE_WORDS =
  /\b(students?|first-years?|Department of Finance|ie-team|LSE|Eden Centre|Inclusive Education|UKAT)\b/i;

describe("a second community's own words", () => {
  it('its forms and reports carry none of the sample’s, but for words its own records use', async () => {
    const community = replaceOnce(
      '"yearStart": "09-01",',
      `"yearStart": "09-01",
  "vocabulary": {
    "mentee": { "one": "colleague", "many": "colleagues" },
    "mentor": { "one": "peer mentor", "many": "peer mentors" }
  },`,
    )(await readFile(join(MULTI_YEAR, 'data/community.json'), 'utf8'));
    const { lookup } = await validateRepository(MULTI_YEAR, { 'data/community.json': community });
    // What a build writes: the reports and the issue forms.
    const built = new Map([...(await renderReports(lookup)), ...formFiles(lookup)]);
    // What the community itself writes may say what it likes: only words its records do not use are the sample's.
    const records = (await files(MULTI_YEAR)).filter((f) => /^(data|minutes|surveys|meetings)\//.test(f));
    const own = [community, ...(await Promise.all(records.map((f) => readFile(join(MULTI_YEAR, f), 'utf8'))))].join(
      '\n',
    );
    const generated = [...built.keys()].filter((f) =>
      /^(reports\/.*\.(md|svg)|\.github\/ISSUE_TEMPLATE\/.*\.yml)$/.test(f),
    );
    expect(generated.filter((f) => f.endsWith('.yml')).length).toBe(5);
    let checked = 0;
    for (const f of generated) {
      const found = [...built.get(f)!.matchAll(new RegExp(SAMPLE_WORDS, 'gi'))]
        .map((m) => m[0])
        .filter((w) => !own.includes(w));
      expect(found, f).toEqual([]);
      checked++;
    }
    expect(checked).toBe(generated.length);
    const form = built.get('.github/ISSUE_TEMPLATE/meetings-return.yml')!;
    expect(form).toContain('Colleagues allocated');
    expect(form).toContain('Peer mentors reporting');
    expect(built.get('reports/2024-25/annual-report.md')).toContain('of 84 colleagues allocated');
  });
});
