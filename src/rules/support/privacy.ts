import { eachText } from './texts.js';
import type nlpType from 'compromise';
import { LineIndex } from '../../model/line-index.js';
import { maskName } from '../../model/names.js';
import { DEFAULT_PHONE_REGION } from '../../model/phone-region.js';
import { START, type DocPath, type Position, type SourceRef } from '../../model/positions.js';
import { everyMinutesFile, everySurveyFile, type Repository } from '../../model/repository.js';
import type { RuleContext } from '../define.js';
import { wordsOf } from '../../model/vocabulary.js';

export type PersonalData = 'personal-email' | 'personal-phone' | 'student-number' | 'personal-name';

export interface PrivacyConfig {
  /** Lower-cased words of the repository's own names: units, themes, aims, the team, session and output titles. */
  vocabulary: Set<string>;
  /** The region whose national phone format is recognised, ISO 3166-1 alpha-2. */
  phoneRegion: string;
  /** Lower-cased text that is public on purpose. */
  allow: Set<string>;
  /** Lower-cased names that may appear: members, team entries, presenters, authors. */
  knownNames: Set<string>;
}

function normalise(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function privacyConfig(repo: Repository): PrivacyConfig {
  const privacy = repo.community?.data.privacy;
  const names = new Set<string>();
  const add = (n: string | undefined) => n && names.add(normalise(n));
  for (const { data } of repo.members.entries) add(data.name);
  for (const t of repo.community?.data.team ?? []) add(t.name);
  for (const s of everyMinutesFile(repo)) for (const p of s.data.presenters ?? []) add(p?.name);
  for (const { data } of repo.outputs?.entries ?? []) for (const a of data.authors ?? []) add(a.name);
  for (const a of privacy?.allow ?? []) add(a);
  const vocabulary = new Set<string>();
  const words = (t: string | undefined) => {
    for (const w of (t ?? '').toLowerCase().split(/[^\p{L}'’-]+/u)) if (w) vocabulary.add(w);
  };
  const c = repo.community?.data;
  words(c?.name);
  words(c?.institution);
  for (const x of [...(c?.aims ?? []), ...(c?.themes ?? [])]) words(x.title);
  for (const t of c?.team ?? []) words(t.name);
  for (const { data } of repo.units.entries) words(data.name);
  for (const s of everyMinutesFile(repo)) words(s.data.title);
  for (const { data } of repo.outputs?.entries ?? []) {
    words(data.title);
    words(data.venue);
  }
  return {
    vocabulary,
    phoneRegion: privacy?.phoneRegion ?? DEFAULT_PHONE_REGION,
    allow: new Set((privacy?.allow ?? []).map(normalise)),
    knownNames: names,
  };
}

/** A free text of the records: a value of a file, or a minutes file's body. */
interface PrivateText {
  file: string;
  text: string;
  /** Where the text is, for a value; a body is found line by line. */
  value?: { source: SourceRef; path: DocPath };
  bodyLine?: number;
}

/**
 * Everything a coordinator typed that could identify someone: minutes (frontmatter and body) and free-text survey
 * answers.
 */
function privateTexts(repo: Repository): PrivateText[] {
  const texts: PrivateText[] = [];
  const value = (source: SourceRef, path: DocPath, text: string) =>
    texts.push({ file: source.file, text, value: { source, path } });
  for (const s of everyMinutesFile(repo)) {
    const d = s.data;
    if (d.title !== undefined) value(s, ['title'], d.title);
    d.actions?.forEach((a, i) => void value(s, ['actions', i, 'text'], a.text));
    d.presenters?.forEach((p, i) => void (p.role !== undefined && value(s, ['presenters', i, 'role'], p.role)));
    d.guests?.forEach(
      (g, i) => void (g.institution !== undefined && value(s, ['guests', i, 'institution'], g.institution)),
    );
    texts.push({ file: s.file, text: s.body, bodyLine: s.bodyLine });
  }
  // A meeting return holds counts: any text in it (its source, say) must name no mentee.
  for (const m of repo.meetings) eachText(m.data, (text, path) => value(m, [...path], text));
  // The community's own prose is published as it is written.
  for (const n of repo.narratives) texts.push({ file: n.file, text: n.body, bodyLine: n.bodyLine });
  for (const survey of everySurveyFile(repo)) {
    const types = new Map((survey.data.questions ?? []).filter((q) => q !== undefined).map((q) => [q.id, q.type]));
    survey.data.responses?.forEach((r, i) => {
      // A path is made only for an answer that is text: most are ratings and choices.
      const at = (qid: string, ...rest: Array<string | number>): DocPath => ['responses', i, 'answers', qid, ...rest];
      for (const qid in r.answers) {
        const answer = r.answers[qid];
        if (types.get(qid) === 'text' && typeof answer === 'string') value(survey, at(qid), answer);
        // "Other, please specify" texts are free text too.
        if (Array.isArray(answer))
          answer.forEach((a, j) => {
            const text = specified(a);
            if (text !== undefined) value(survey, at(qid, j, 'text'), text);
          });
        else {
          const text = specified(answer);
          if (text !== undefined) value(survey, at(qid, 'text'), text);
        }
      }
    });
  }
  return texts;
}

/** The text of an "Other, please specify" answer. */
function specified(answer: unknown): string | undefined {
  const text = answer !== null && typeof answer === 'object' ? (answer as { text?: unknown }).text : undefined;
  return typeof text === 'string' ? text : undefined;
}

/** What was found, in words that repeat none of it. */
const KIND: Record<PersonalData, string> = {
  'personal-email': 'an email address',
  'personal-phone': 'a phone number',
  'student-number': 'a student number',
  'personal-name': "a person's name",
};

/** How to put it right, in the community's words for whom its mentors meet. */
const FIX = (mentee: string): Record<PersonalData, string> => ({
  'personal-email':
    'minutes and survey answers must not identify anyone. Remove it, or add it to privacy.allow in ' +
    "data/community.json if it is public on purpose (a team's shared address)",
  'personal-phone': 'remove it, or add it to privacy.allow in data/community.json if it is a public number',
  'student-number':
    "remove it (change privacy.studentNumber in data/community.json if your institution's numbers look different)",
  'personal-name':
    `it is no member, team entry or presenter. If it is a ${mentee}, describe them without a name; if it is a ` +
    'public figure, add the name to privacy.allow in data/community.json',
});

/**
 * The finding shown with most of it hidden (`d.***@lse.ac.uk`, `*******34`, `J*** S***`):
 * enough for the coordinator to find it in the file, not enough to identify anyone.
 */
function mask(kind: PersonalData, text: string): string {
  switch (kind) {
    case 'personal-email': {
      const at = text.lastIndexOf('@');
      return `${text.slice(0, 1)}${'*'.repeat(3)}${text.slice(at)}`;
    }
    case 'personal-name':
      return maskName(text);
    default: {
      let digits = text.replace(/\D/g, '').length;
      return text.replace(/\d/g, (d) => (--digits < 2 ? d : '*'));
    }
  }
}

export type Finder = (text: string, config: PrivacyConfig) => Array<{ index: number; text: string }>;

/**
 * A privacy rule's check: every finding of one kind in every private text, reported with
 * the data masked, and, for places that keep messages, with its kind and place only.
 */
/** The privacy rules' shared view of a run: its configuration and the texts they search. */
export function privacyOf(ctx: RuleContext): { config: PrivacyConfig; texts: PrivateText[] } {
  return {
    config: ctx.shared('privacy-config', () => privacyConfig(ctx.repo)),
    texts: ctx.shared('private-texts', () => privateTexts(ctx.repo)),
  };
}

export function reportPersonalData(ctx: RuleContext, kind: PersonalData, find: Finder): void {
  const { config, texts } = privacyOf(ctx);
  const fixes = FIX(wordsOf(ctx.repo.community?.data).mentee.one);
  const allowed = (t: string) => config.allow.has(normalise(t));
  for (const t of texts) {
    const found = find(t.text, config).filter((f) => !allowed(f.text));
    if (found.length === 0) continue;
    const lines = t.value ? undefined : new LineIndex(t.text);
    for (const f of found) {
      let at: Position;
      if (t.value) at = t.value.source.locator ? t.value.source.locator.at(t.value.path) : START;
      else {
        const p = lines!.position(f.index);
        at = { line: p.line + (t.bodyLine ?? 1) - 1, column: p.column };
      }
      const personal = {
        kind,
        what: kind === 'personal-email' ? KIND[kind] : `what looks like ${KIND[kind]}`,
        fix: fixes[kind],
      };
      ctx.report.at(t.file, at, `${personal.what} ("${mask(kind, f.text)}"): ${personal.fix}`, { personal });
    }
  }
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const LOCAL_PART = /[\p{L}\p{N}._%+-]/u;

/**
 * Email addresses in a text, in time linear in its length: the pattern runs only on a window
 * around each "@" (an address is at most 64 characters before it and 255 after), never over
 * a long word from every one of its positions.
 */
export function findEmails(text: string): Array<{ index: number; text: string }> {
  const found: Array<{ index: number; text: string }> = [];
  let searchFrom = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > Math.max(searchFrom, at - 64) && LOCAL_PART.test(text.charAt(start - 1))) start--;
    const window = text.slice(start, at + 256);
    EMAIL.lastIndex = 0;
    const m = EMAIL.exec(window);
    if (m && m.index === 0) {
      found.push({ index: start, text: m[0] });
      searchFrom = start + m[0].length;
      at = Math.max(at, searchFrom - 1);
    }
  }
  return found;
}
// A full name needs two capitalised words in a row; only text with one is given to the NLP.
const NAME_CANDIDATE = /\p{Lu}[\p{Ll}'’-]+[ \t]+(?:\p{Lu}\.?[ \t]+)?\p{Lu}[\p{Ll}'’-]+/u;

// Words that make a run of capitalised words the name of a body, not of a person.
const BODIES = new Set(
  [
    'team service services hub centre center department school faculty university college institute office ' +
      'division unit committee network group',
    'programme program project day week conference association society council board library trust foundation ' +
      'scheme fund lab laboratory registry directorate secretariat plan plans charter regulations report',
    'union forum code policy strategy management advisors advisers recognition participation framework award ' +
      'awards education practice partnership spaces pedagogies',
  ]
    .join(' ')
    .split(' '),
);
const LEADING = new Set([
  'the',
  'a',
  'an',
  'our',
  'this',
  'that',
  'in',
  'on',
  'at',
  'from',
  'with',
  'and',
  'for',
  'by',
]);
const CAPITALISED_RUN = /\p{Lu}[\p{Ll}'’-]+(?:[ \t]+(?:\p{Lu}\.?[ \t]+)?\p{Lu}[\p{Ll}'’-]+)+/gu;

/**
 * Whether a line may name a person: some run of two or more capitalised words is no
 * known name, names no body (a team, a service, a department) and is not made of the
 * repository's own words. Only such lines are given to the NLP, the costly part of
 * validation ("The Student Wellbeing Service" is checked in a microsecond, not tagged).
 */
function mayNameSomeone(line: string, config: PrivacyConfig): boolean {
  for (const m of line.matchAll(CAPITALISED_RUN)) {
    // "The School's Access": a possessive is its word ("school"), which may name a body.
    const words = m[0].split(/[ \t]+/).map((w) =>
      w
        .toLowerCase()
        .replace(/\.$/, '')
        .replace(/['’]s$/u, ''),
    );
    while (words.length > 0 && LEADING.has(words[0]!)) words.shift();
    if (words.length < 2) continue;
    if (words.some((w) => BODIES.has(w))) continue;
    if (words.every((w) => config.vocabulary.has(w))) continue;
    if (isKnown(m[0], config)) continue;
    return true;
  }
  return false;
}

/** The lines of a text that may name someone, with their offsets. */
export function candidateLines(text: string, config: PrivacyConfig): Array<{ line: string; offset: number }> {
  const out: Array<{ line: string; offset: number }> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (NAME_CANDIDATE.test(line) && mayNameSomeone(line, config)) out.push({ line, offset });
    offset += line.length + 1;
  }
  return out;
}

/**
 * How much text the NLP is given at once: its time grows faster than its input, so it is fed in pieces of this size.
 */
const NLP_PIECE = 4000;

/** Candidate lines cut to pieces of at most NLP_PIECE characters, at a space where there is one, with their offsets. */
function pieces(candidates: ReturnType<typeof candidateLines>): Array<Array<{ line: string; offset: number }>> {
  const lines = candidates.flatMap(({ line, offset }) => {
    const parts: Array<{ line: string; offset: number }> = [];
    for (let from = 0; from < line.length; ) {
      let to = Math.min(line.length, from + NLP_PIECE);
      if (to < line.length) {
        const space = line.lastIndexOf(' ', to);
        if (space > from) to = space;
      }
      parts.push({ line: line.slice(from, to), offset: offset + from });
      from = to;
    }
    return parts;
  });
  const out: Array<Array<{ line: string; offset: number }>> = [];
  let current: Array<{ line: string; offset: number }> = [];
  let size = 0;
  for (const l of lines) {
    if (size + l.line.length > NLP_PIECE && current.length > 0) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(l);
    size += l.line.length + 1;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * People's names, by the NLP, in the lines that may name someone, that are no name the
 * repository may hold. The lines go in pieces of bounded size, so the time grows with the
 * text and no faster, and offsets are mapped back.
 */
export function findUnknownNames(
  nlp: typeof nlpType,
  candidates: ReturnType<typeof candidateLines>,
  config: PrivacyConfig,
): Array<{ index: number; text: string }> {
  const found: Array<{ index: number; text: string }> = [];
  for (const piece of pieces(candidates)) {
    const starts: Array<[joined: number, original: number]> = [];
    let joinedLength = 0;
    for (const { line, offset } of piece) {
      starts.push([joinedLength, offset]);
      joinedLength += line.length + 1;
    }
    const people = nlp(piece.map((p) => p.line).join('\n'))
      .people()
      .json({ offset: true }) as Array<{ text: string; offset: { start: number } }>;
    for (const p of people) {
      let original = p.offset.start;
      for (const [joined, orig] of starts) if (joined <= p.offset.start) original = orig + (p.offset.start - joined);
      const name = p.text.replace(/^[^\p{L}]+/u, '').replace(/[\s,.;:!?)'’"]+$/u, '');
      if (name !== '' && !isKnown(name, config)) found.push({ index: original, text: name });
    }
  }
  return found;
}

/** A name is known when it is, or is part of, a name the repository may hold. */
function isKnown(name: string, config: PrivacyConfig): boolean {
  const n = normalise(name).replace(/^(dr|prof|professor|mr|mrs|ms|mx)\.? /, '');
  for (const known of config.knownNames) if (known === n || known.includes(n)) return true;
  return false;
}
