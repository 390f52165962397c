import nlp from 'compromise';
import type { SourceRef } from '../diagnostics/collector.js';
import { START, type Position } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../load/line-index.js';
import type { DocPath } from '../load/locator.js';
import { DEFAULT_STUDENT_NUMBER } from '../model/community.js';
import { everyMinutesFile, everySurveyFile, type Repository } from '../model/repository.js';
import type { CheckContext } from './context.js';
import { DEFAULT_PHONE_REGION } from '../model/phone-region.js';
import { findPhoneNumbers } from './phones.js';
import type { RuleId } from './rules.js';

/** What a coordinator must not write down about a student, and how to say so. */
export interface Finding {
  rule: Extract<RuleId, 'personal-email' | 'personal-phone' | 'student-number' | 'personal-name'>;
  /** Offset of the finding in the text searched. */
  index: number;
  text: string;
}

export interface PrivacyConfig {
  studentNumber: RegExp;
  /** The region whose national phone format is recognised, ISO 3166-1 alpha-2. */
  phoneRegion: string;
  /** Lower-cased text that is public on purpose. */
  allow: Set<string>;
  /** Lower-cased names that may appear: members, team entries, presenters, authors. */
  knownNames: Set<string>;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A full name needs two capitalised words in a row; only text with one is given to the NLP.
const NAME_CANDIDATE = /\p{Lu}[\p{Ll}'’-]+[ \t]+(?:\p{Lu}\.?[ \t]+)?\p{Lu}[\p{Ll}'’-]+/u;

export function privacyConfig(repo: Repository): PrivacyConfig {
  const privacy = repo.community?.data.privacy;
  const names = new Set<string>();
  const add = (n: string | undefined) => n && names.add(normalise(n));
  for (const { data } of repo.members.entries) add(data.name);
  for (const t of repo.community?.data.team ?? []) add(t.name);
  for (const s of everyMinutesFile(repo)) for (const p of s.data.presenters ?? []) add(p?.name);
  for (const { data } of repo.outputs?.entries ?? []) for (const a of data.authors ?? []) add(a.name);
  for (const a of privacy?.allow ?? []) add(a);
  return {
    studentNumber: new RegExp(privacy?.studentNumber ?? DEFAULT_STUDENT_NUMBER, 'gu'),
    phoneRegion: privacy?.phoneRegion ?? DEFAULT_PHONE_REGION,
    allow: new Set((privacy?.allow ?? []).map(normalise)),
    knownNames: names,
  };
}

function normalise(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Every email address, phone number, student number and unknown personal name in a text. */
export function findPersonalData(text: string, config: PrivacyConfig): Finding[] {
  const found: Finding[] = [];
  const allowed = (t: string) => config.allow.has(normalise(t));
  for (const m of text.matchAll(EMAIL)) if (!allowed(m[0])) found.push({ rule: 'personal-email', index: m.index, text: m[0] });
  for (const p of findPhoneNumbers(text, config.phoneRegion)) if (!allowed(p.text)) found.push({ rule: 'personal-phone', index: p.index, text: p.text });
  for (const m of text.matchAll(config.studentNumber)) {
    const overlapsPhone = found.some((f) => f.rule === 'personal-phone' && m.index >= f.index && m.index < f.index + f.text.length);
    if (!overlapsPhone && !allowed(m[0])) found.push({ rule: 'student-number', index: m.index, text: m[0] });
  }
  for (const person of findPeople(text)) {
    const name = person.text.replace(/^[^\p{L}]+/u, '').replace(/[\s,.;:!?)'’"]+$/u, '');
    if (name === '' || isKnown(name, config)) continue;
    found.push({ rule: 'personal-name', index: person.index, text: name });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * People's names, by the NLP, in the lines that could hold a full name. Tagging is the
 * costly part of validation, so the other lines are not given to it; the candidate lines
 * go in one call, and offsets are mapped back to the text.
 */
function findPeople(text: string): Array<{ text: string; index: number }> {
  const starts: Array<[joined: number, original: number]> = [];
  const kept: string[] = [];
  let offset = 0;
  let joinedLength = 0;
  for (const line of text.split('\n')) {
    if (NAME_CANDIDATE.test(line)) {
      starts.push([joinedLength, offset]);
      kept.push(line);
      joinedLength += line.length + 1;
    }
    offset += line.length + 1;
  }
  if (kept.length === 0) return [];
  const people = nlp(kept.join('\n')).people().json({ offset: true }) as Array<{ text: string; offset: { start: number } }>;
  return people.map((p) => {
    let original = p.offset.start;
    for (const [joined, orig] of starts) if (joined <= p.offset.start) original = orig + (p.offset.start - joined);
    return { text: p.text, index: original };
  });
}

/** A name is known when it is, or is part of, a name the repository may hold. */
function isKnown(name: string, config: PrivacyConfig): boolean {
  const n = normalise(name).replace(/^(dr|prof|professor|mr|mrs|ms|mx)\.? /, '');
  for (const known of config.knownNames) if (known === n || known.includes(n)) return true;
  return false;
}

/** What was found, in words that repeat none of it. */
const KIND: Record<Finding['rule'], string> = {
  'personal-email': 'an email address',
  'personal-phone': 'a phone number',
  'student-number': 'a student number',
  'personal-name': "a person's name",
};

const FIX: Record<Finding['rule'], string> = {
  'personal-email': 'minutes and survey answers must not identify anyone. Remove it, or add it to privacy.allow in data/community.json if it is public on purpose (a team\'s shared address)',
  'personal-phone': 'remove it, or add it to privacy.allow in data/community.json if it is a public number',
  'student-number': "remove it (change privacy.studentNumber in data/community.json if your institution's numbers look different)",
  'personal-name': 'it is no member, team entry or presenter. If it is a student, describe them without a name; if it is a public figure, add the name to privacy.allow in data/community.json',
};

/**
 * The finding shown with most of it hidden (`d.***@lse.ac.uk`, `*******34`, `J*** S***`):
 * enough for the coordinator to find it in the file, not enough to identify anyone.
 */
export function mask(rule: Finding['rule'], text: string): string {
  switch (rule) {
    case 'personal-email': {
      const at = text.lastIndexOf('@');
      return `${text.slice(0, 1)}${'*'.repeat(3)}${text.slice(at)}`;
    }
    case 'personal-name':
      return text.replace(/(\p{L})[\p{L}'’-]*/gu, '$1***');
    default: {
      let digits = text.replace(/\D/g, '').length;
      return text.replace(/\d/g, (d) => (--digits < 2 ? d : '*'));
    }
  }
}

function messageFor(f: Finding, at: Position): { message: string; publicMessage: string } {
  const kind = KIND[f.rule];
  const looks = f.rule === 'personal-email' ? kind : `what looks like ${kind}`;
  return {
    message: `${looks} ("${mask(f.rule, f.text)}"): ${FIX[f.rule]}`,
    publicMessage: `${looks} at line ${at.line}, column ${at.column}: ${FIX[f.rule]}`,
  };
}

function severity(rule: Finding['rule']): 'error' | 'warning' {
  return rule === 'personal-name' ? 'warning' : 'error';
}

/**
 * Confidentiality: nothing in minutes (frontmatter or body) or in free-text survey answers
 * may let a reader identify a student; names need judgement, so they are warnings.
 */
export function checkPrivacy(ctx: CheckContext): void {
  const { repo, out } = ctx;
  const config = privacyConfig(repo);

  const report = (file: string, at: Position, f: Finding): void => {
    const { message, publicMessage } = messageFor(f, at);
    out.at(file, at, severity(f.rule), f.rule, message, publicMessage);
  };
  const atValue = (src: SourceRef, path: DocPath, text: string): void => {
    for (const f of findPersonalData(text, config)) report(src.file, src.locator ? src.locator.at(path) : START, f);
  };

  for (const s of everyMinutesFile(repo)) {
    const d = s.data;
    if (d.title !== undefined) atValue(s, ['title'], d.title);
    d.actions?.forEach((a, i) => atValue(s, ['actions', i, 'text'], a.text));
    d.presenters?.forEach((p, i) => p.role !== undefined && atValue(s, ['presenters', i, 'role'], p.role));
    d.guests?.forEach((g, i) => g.institution !== undefined && atValue(s, ['guests', i, 'institution'], g.institution));
    // The body: exact line and column of each finding.
    const findings = findPersonalData(s.body, config);
    if (findings.length > 0) {
      const lines = new LineIndex(s.body);
      for (const f of findings) {
        const p = lines.position(f.index);
        report(s.file, { line: p.line + s.bodyLine - 1, column: p.column }, f);
      }
    }
  }

  for (const survey of everySurveyFile(repo)) {
    const types = new Map((survey.data.questions ?? []).filter((q) => q !== undefined).map((q) => [q.id, q.type]));
    survey.data.responses?.forEach((r, i) => {
      for (const key of Object.keys(r)) {
        if (key === 'id' || key === 'answers') continue;
        out.error(
          'response-identifier',
          survey,
          ['responses', i, key],
          `"${key}" is not allowed in a response: responses are anonymous and hold only "id" and "answers". Remove it (exports from survey tools carry emails, names, IP addresses and timestamps)`,
          'key',
        );
      }
      for (const [qid, answer] of Object.entries(r.answers)) {
        const path = ['responses', i, 'answers', qid];
        if (types.get(qid) === 'text' && typeof answer === 'string') atValue(survey, path, answer);
        // "Other, please specify" texts are free text too.
        const specified = Array.isArray(answer) ? answer.map((a, j) => [a, [...path, j]] as const) : [[answer, path] as const];
        for (const [a, p] of specified) {
          const text = a !== null && typeof a === 'object' ? (a as { text?: unknown }).text : undefined;
          if (typeof text === 'string') atValue(survey, [...p, 'text'], text);
        }
      }
    });
  }
}
