import { lstat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { narrativeOf } from '../model/narrative.js';
import { type Locator, type Position, START } from '../model/positions.js';
import { compareStrings } from '../format/compare.js';
import { describe, fix, listFiles } from './files.js';
import { parseMarkdownWithFrontmatter } from './frontmatter.js';
import { parseJson } from './json-document.js';
import { decodeUtf8, readTextFile, type Decoded } from './text-file.js';

export const FILES = {
  community: 'data/community.json',
  units: 'data/units.json',
  members: 'data/members.json',
  outputs: 'data/outputs.json',
  pathways: 'data/pathways.json',
} as const;

/** What can be wrong with a file before its content is looked at; each is a rule of the same name. */
export type LoadProblem =
  | 'syntax'
  | 'encoding'
  | 'empty-file'
  | 'frontmatter'
  | 'missing-file'
  | 'unexpected-file'
  | 'duplicate-field'
  | 'file-kind';

/**
 * The largest file of each kind the toolchain reads. A community's largest honest file is a
 * survey of a few thousand responses (a few MB); anything past these is a mistake (an export
 * saved over a record, a log pasted in), and reading it would take the validator minutes.
 */
const SIZE_LIMITS = { json: 20 * 1024 * 1024, minutes: 1024 * 1024 } as const;

export interface LoadFinding {
  problem: LoadProblem;
  file: string;
  position: Position;
  message: string;
}

/** A JSON file, parsed: its value and where each part of it stands. */
export interface JsonDocument {
  file: string;
  value: unknown;
  locator: Locator;
}

/** A minutes file, parsed: its frontmatter's value and positions, and its Markdown body. */
export interface MinutesDocument {
  /** The file name without `.md`: the session's id. */
  id: string;
  file: string;
  value: unknown;
  locator: Locator;
  body: string;
  /** The line the body starts on. */
  bodyLine: number;
  /** The frontmatter was read past a syntax error (tabs for indentation): checked, never counted. */
  recovered: boolean;
}

/** Every file of a community repository as parsed documents, and what was wrong with the files that could not be. */
export interface Documents {
  community?: JsonDocument;
  units?: JsonDocument;
  members?: JsonDocument;
  outputs?: JsonDocument;
  pathways?: JsonDocument;
  minutes: MinutesDocument[];
  surveys: JsonDocument[];
  /** Meeting returns: counts of mentoring meetings. */
  meetings: JsonDocument[];
  /** Narrative documents: their frontmatter (empty without one) and body. */
  narratives: MinutesDocument[];
  /** Ids of minutes files that could not be read: references to them are not reported again. */
  unreadableMinutes: Set<string>;
  findings: LoadFinding[];
}

/**
 * Files whose content is given rather than read: a command checks what it is about to
 * write. Text, bytes as they would be on disk, or null for a file that would be gone.
 */
export type Overrides = Readonly<Record<string, string | Uint8Array | null>>;

/**
 * Reads and parses every file of a community repository; a file that cannot be read is a finding, never an exception.
 */
export async function loadDocuments(root: string, overrides: Overrides = {}): Promise<Documents> {
  const findings: LoadFinding[] = [];
  const kind = (file: string, message: string): null => {
    findings.push({ problem: 'file-kind', file, position: START, message });
    return null;
  };
  /** A file of a records folder that is not a record: named near one (an error that names it), or another kind. */
  const misplaced = (file: string, ending: 'md' | 'json', what: string, belongs: string): void => {
    const meant = nearName(file, ending);
    if (meant !== undefined)
      kind(
        file,
        `${what} end in ".${ending}", in lower case and nothing after it, or they are not read: rename it ${meant}`,
      );
    else
      findings.push({ problem: 'unexpected-file', file, position: START, message: `${belongs}: this file is ignored` });
  };
  // A records folder that is a link is reported once (listFiles says it for minutes/ and surveys/), and never followed.
  const dataIsLink = await lstat(join(root, 'data')).then(
    (info) => info.isSymbolicLink(),
    () => false,
  );
  if (dataIsLink)
    kind(
      'data',
      'the folder data/ is a symbolic link: its files are not read. Commit the folder itself, not a link to it (a ' +
        'link is never followed)',
    );
  /**
   * A file's text; undefined when there is no file; null when there is something that cannot be read as one, which is
   * reported.
   */
  const read = async (file: string): Promise<Decoded | undefined | null> => {
    if (Object.hasOwn(overrides, file)) {
      const given = overrides[file]!;
      return given === null
        ? undefined
        : decodeUtf8(typeof given === 'string' ? new TextEncoder().encode(given) : given);
    }
    if (dataIsLink && file.startsWith('data/')) return null;
    const path = join(root, file);
    const limit = file.endsWith('.md') ? SIZE_LIMITS.minutes : SIZE_LIMITS.json;
    try {
      // Never followed: a link could point out of the repository, or at a device that never ends.
      const info = await lstat(path);
      if (info.isSymbolicLink())
        return kind(file, 'is a symbolic link: commit the file itself, not a link to it (a link is never followed)');
      if (info.isDirectory())
        return kind(
          file,
          `is a folder where a file belongs: move what it holds elsewhere and put the ` +
            `${file.endsWith('.md') ? 'minutes file' : 'JSON file'} here`,
        );
      if (!info.isFile())
        return kind(file, 'is not a regular file (a pipe, socket or device): remove it, and commit the file itself');
      if (info.size > limit) {
        const mb = (n: number) => `${Math.round((10 * n) / (1024 * 1024)) / 10} MB`;
        return kind(
          file,
          `is ${mb(info.size)}, over the ${mb(limit)} a ${file.endsWith('.md') ? 'minutes' : 'JSON'} file may be: ` +
            `it is not read. A record this large is most often an export or a log saved over it: restore the record`,
        );
      }
      return await readTextFile(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      return kind(file, `cannot be read (${describe(code)}): it is not checked. ${fix(code)}`);
    }
  };
  const json = async (file: string, required: boolean): Promise<JsonDocument | undefined> => {
    const decoded = await read(file);
    if (decoded === null) return undefined;
    if (decoded === undefined) {
      if (required)
        findings.push({
          problem: 'missing-file',
          file,
          position: START,
          message:
            `the file ${file} is missing: every community repository needs it (see "What is where" in the ` + `README)`,
        });
      return undefined;
    }
    return decoded.ok ? jsonDocument(file, decoded.text, findings) : unreadable(file, decoded.problem, findings);
  };

  const [community, units, members, outputs, pathways, minutesFiles, surveyFiles, narrativeFiles, meetingFiles] =
    await Promise.all([
      json(FILES.community, true),
      json(FILES.units, true),
      json(FILES.members, true),
      json(FILES.outputs, false),
      json(FILES.pathways, false),
      listed(root, 'minutes', overrides, findings),
      listed(root, 'surveys', overrides, findings),
      listed(root, 'narrative', overrides, findings),
      listed(root, 'meetings', overrides, findings),
    ]);

  const unreadableMinutes = new Set<string>();
  const minutes: MinutesDocument[] = [];
  for (const file of minutesFiles.filter((f) => !isMinutesFile(f) && !isIgnored(f)))
    misplaced(file, 'md', 'minutes files', 'only Markdown minutes files (.md) belong under minutes/');
  // A README is the folder's notes, never minutes: one that holds a session's frontmatter is a session renamed by
  // mistake.
  for (const file of minutesFiles.filter(isIgnored)) {
    const decoded = await read(file);
    if (decoded?.ok && /^\s*---\r?\n/.test(decoded.text) && /^date:/m.test(decoded.text))
      kind(
        file,
        'holds the frontmatter of a session, but a README is never read as minutes: rename it ' +
          '<date>-<short-name>.md so that its session counts',
      );
  }
  const loaded = await Promise.all(
    minutesFiles.filter(isMinutesFile).map(async (file) => {
      const decoded = await read(file);
      if (!decoded) return undefined;
      return decoded.ok ? minutesDocument(file, decoded.text, findings) : unreadable(file, decoded.problem, findings);
    }),
  );
  minutesFiles.filter(isMinutesFile).forEach((file, i) => {
    const doc = loaded[i];
    if (doc) minutes.push(doc);
    else unreadableMinutes.add(posix.basename(file, '.md'));
  });

  for (const file of surveyFiles.filter((f) => !f.endsWith('.json') && !isIgnored(f)))
    misplaced(file, 'json', 'survey files', 'only survey files (.json) belong under surveys/');
  const surveys = (
    await Promise.all(surveyFiles.filter((f) => f.endsWith('.json')).map((file) => json(file, true)))
  ).filter((d): d is JsonDocument => d !== undefined);

  for (const file of meetingFiles.filter((f) => !f.endsWith('.json') && !isIgnored(f)))
    misplaced(file, 'json', 'meeting returns', 'only meeting returns (.json) belong under meetings/');
  const meetings = (
    await Promise.all(meetingFiles.filter((f) => f.endsWith('.json')).map((file) => json(file, true)))
  ).filter((d): d is JsonDocument => d !== undefined);

  const narratives: MinutesDocument[] = [];
  for (const file of narrativeFiles) {
    if (!narrativeOf(file)) {
      findings.push({
        problem: 'unexpected-file',
        file,
        position: START,
        message:
          'only narrative/<year>/annual-report.md and narrative/year-over-year.md are read under narrative/: this ' +
          'file is ignored',
      });
      continue;
    }
    const decoded = await read(file);
    if (!decoded) continue;
    if (!decoded.ok) {
      unreadable(file, decoded.problem, findings);
      continue;
    }
    // The frontmatter is optional: a narrative may be prose alone.
    const doc = /^---[ \t]*\r?\n/.test(decoded.text)
      ? minutesDocument(file, decoded.text, findings)
      : {
          id: posix.basename(file, '.md'),
          file,
          value: {},
          locator: undefined,
          body: decoded.text,
          bodyLine: 1,
          recovered: false,
        };
    if (doc) narratives.push(doc as MinutesDocument);
  }

  return {
    ...(community ? { community } : {}),
    ...(units ? { units } : {}),
    ...(members ? { members } : {}),
    ...(outputs ? { outputs } : {}),
    ...(pathways ? { pathways } : {}),
    minutes,
    surveys,
    meetings,
    narratives,
    unreadableMinutes,
    findings,
  };
}

/** A JSON file's text, parsed, its problems added to `findings`. */
export function jsonDocument(file: string, text: string, findings: LoadFinding[]): JsonDocument | undefined {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    for (const p of parsed.problems) findings.push({ problem: 'syntax', file, position: p, message: p.message });
    return undefined;
  }
  for (const d of parsed.duplicateKeys) {
    findings.push(
      d.key === '__proto__'
        ? {
            problem: 'duplicate-field',
            file,
            position: d.position,
            message:
              'the field name "__proto__" cannot be used: JavaScript reads it as something else, so its value ' +
              'would vanish. Rename it (an answer is keyed by its question id)',
          }
        : {
            problem: 'duplicate-field',
            file,
            position: d.position,
            message: `the field "${d.key}" is written twice in the same object: keep one`,
          },
    );
  }
  return { file, value: parsed.value, locator: parsed.locator };
}

function minutesDocument(file: string, text: string, findings: LoadFinding[]): MinutesDocument | undefined {
  const parsed = parseMarkdownWithFrontmatter(text);
  if (!parsed.ok) {
    for (const p of parsed.problems) findings.push({ problem: p.kind, file, position: p, message: p.message });
    return undefined;
  }
  if (parsed.recovered)
    findings.push({ problem: 'syntax', file, position: parsed.recovered, message: parsed.recovered.message });
  return {
    id: posix.basename(file, '.md'),
    file,
    value: parsed.data,
    locator: parsed.locator,
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    recovered: parsed.recovered !== undefined,
  };
}

function unreadable(file: string, problem: 'encoding' | 'empty' | 'repeated-bom', findings: LoadFinding[]): undefined {
  findings.push(
    problem === 'empty'
      ? {
          problem: 'empty-file',
          file,
          position: START,
          message: 'the file is empty: add its content, or delete the file',
        }
      : problem === 'repeated-bom'
        ? {
            problem: 'encoding',
            file,
            position: START,
            message:
              'the file starts with two byte-order marks (invisible characters some editors add): save it again ' +
              'as UTF-8, or UTF-8 with one BOM',
          }
        : {
            problem: 'encoding',
            file,
            position: START,
            message: 'the file is not UTF-8 text: save it again as UTF-8 (in most editors: "Save as" and choose UTF-8)',
          },
  );
  return undefined;
}

/** A file a command is about to write is one of the repository's files already. */
function withOverrides(files: string[], overrides: Overrides, folder: string): string[] {
  const added = Object.keys(overrides).filter(
    (f) => f.startsWith(folder) && overrides[f] !== null && !files.includes(f),
  );
  const kept = files.filter((f) => overrides[f] !== null);
  return added.length === 0 ? kept : [...kept, ...added].sort(compareStrings);
}

const isMinutesFile = (file: string): boolean =>
  file.endsWith('.md') && posix.basename(file).toLowerCase() !== 'readme.md';
const isIgnored = (file: string): boolean => posix.basename(file).toLowerCase() === 'readme.md';

/**
 * The name a coordinator meant for a file whose ending is near a record's (`.MD`, `.markdown`,
 * `.md~`, `.md ` with a trailing space), or undefined for a file that is not a record at all.
 */
function nearName(file: string, ending: 'md' | 'json'): string | undefined {
  const near = ending === 'md' ? /\.(?:md|markdown|mdown|mkd)[\s~]*$/i : /\.json[\s~]*$/i;
  const name = posix.basename(file);
  return near.test(name) ? name.replace(near, `.${ending}`) : undefined;
}

/**
 * The regular files of a records folder, with the files a command is about to write; what cannot be read there is
 * reported.
 */
async function listed(root: string, dir: string, overrides: Overrides, findings: LoadFinding[]): Promise<string[]> {
  const { files, problems } = await listFiles(root, dir);
  for (const p of problems)
    if (!Object.hasOwn(overrides, p.path))
      findings.push({ problem: 'file-kind', file: p.path, position: START, message: p.message });
  return withOverrides(files, overrides, `${dir}/`);
}
