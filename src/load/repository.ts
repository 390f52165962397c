import { stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { z } from 'zod';
import { checkSchema, salvageFields } from '../checks/schema.js';
import { DiagnosticCollector } from '../diagnostics/collector.js';
import { CommunitySchema } from '../model/community.js';
import { MemberSchema } from '../model/member.js';
import { OutputSchema } from '../model/output.js';
import type { IncompleteSession, IncompleteSurvey, ListFile, Repository, Session, SurveyFile } from '../model/repository.js';
import { SessionSchema } from '../model/session.js';
import { SurveySchema } from '../model/survey.js';
import { UnitSchema } from '../model/unit.js';
import { parseMarkdownWithFrontmatter } from './frontmatter.js';
import { parseJson } from './json-document.js';
import type { Locator } from './locator.js';
import { listFiles } from './files.js';
import { readTextFile } from './text-file.js';

export const FILES = {
  community: 'data/community.json',
  units: 'data/units.json',
  members: 'data/members.json',
  outputs: 'data/outputs.json',
} as const;

/** Reads every file of a community repository into the model, collecting every problem on the way. */
export async function loadRepository(root: string, out: DiagnosticCollector = new DiagnosticCollector()): Promise<{ repo: Repository; diagnostics: DiagnosticCollector }> {
  const [communityJson, unitsJson, membersJson, outputsJson, minutesFiles, surveyFiles] = await Promise.all([
    readJson(root, FILES.community, out, true),
    readJson(root, FILES.units, out, true),
    readJson(root, FILES.members, out, true),
    readJson(root, FILES.outputs, out, false),
    listFiles(root, 'minutes'),
    listFiles(root, 'surveys'),
  ]);

  const community = communityJson && checkSchema(CommunitySchema, communityJson.value, communityJson, [], out);
  const repo: Repository = {
    community: community && communityJson ? { file: communityJson.file, locator: communityJson.locator, data: community } : undefined,
    units: toList(unitsJson, FILES.units, UnitSchema, out),
    members: toList(membersJson, FILES.members, MemberSchema, out),
    outputs: outputsJson ? toList(outputsJson, FILES.outputs, OutputSchema, out) : undefined,
    sessions: [],
    incompleteSessions: [],
    surveys: [],
    incompleteSurveys: [],
    brokenSessionIds: new Set(),
  };

  const sessions = await Promise.all(minutesFiles.filter(isMinutesFile).map((file) => loadSession(root, file, repo, out)));
  for (const s of sessions) {
    if (s?.complete) repo.sessions.push(s.file);
    else if (s) repo.incompleteSessions.push(s.file);
  }
  for (const file of minutesFiles.filter((f) => !isMinutesFile(f) && !isIgnored(f))) {
    out.warning('unexpected-file', { file }, [], 'only Markdown minutes files (.md) belong under minutes/: this file is ignored');
  }

  const surveys = await Promise.all(surveyFiles.filter((f) => f.endsWith('.json')).map((file) => loadSurvey(root, file, out)));
  for (const s of surveys) {
    if (s?.complete) repo.surveys.push(s.file);
    else if (s) repo.incompleteSurveys.push(s.file);
  }
  for (const file of surveyFiles.filter((f) => !f.endsWith('.json') && !isIgnored(f))) {
    out.warning('unexpected-file', { file }, [], 'only survey files (.json) belong under surveys/: this file is ignored');
  }
  return { repo, diagnostics: out };
}

const isMinutesFile = (file: string): boolean => file.endsWith('.md') && posix.basename(file).toLowerCase() !== 'readme.md';
const isIgnored = (file: string): boolean => posix.basename(file).toLowerCase() === 'readme.md';

type Loaded<Whole, Part> = { complete: true; file: Whole } | { complete: false; file: Part };

async function loadSession(root: string, file: string, repo: Repository, out: DiagnosticCollector): Promise<Loaded<Session, IncompleteSession> | undefined> {
  const id = posix.basename(file, '.md');
  const decoded = await readTextFile(join(root, file));
  if (!decoded.ok) {
    repo.brokenSessionIds.add(id);
    reportUnreadable(file, decoded.problem, out);
    return undefined;
  }
  const parsed = parseMarkdownWithFrontmatter(decoded.text);
  if (!parsed.ok) {
    repo.brokenSessionIds.add(id);
    for (const p of parsed.problems) out.at(file, p, 'error', p.message.startsWith('YAML') ? 'syntax' : 'frontmatter', p.message);
    return undefined;
  }
  const base = { id, file, folder: yearFolder(file, 'minutes'), locator: parsed.locator, body: parsed.body, bodyLine: parsed.bodyLine };
  if (parsed.recovered) out.at(file, parsed.recovered, 'error', 'syntax', parsed.recovered.message);
  const data = checkSchema(SessionSchema, parsed.data, { file, locator: parsed.locator }, [], out);
  if (data && !parsed.recovered) return { complete: true, file: { ...base, data } };
  repo.brokenSessionIds.add(id);
  return { complete: false, file: { ...base, data: salvageFields(SessionSchema, parsed.data) } };
}

async function loadSurvey(root: string, file: string, out: DiagnosticCollector): Promise<Loaded<SurveyFile, IncompleteSurvey> | undefined> {
  const json = await readJson(root, file, out, true);
  return json && toSurvey(json, out);
}

/** A survey file's text into the model, its problems reported: for commands that edit one survey file. */
export function surveyFromText(file: string, text: string, out: DiagnosticCollector): SurveyFile | undefined {
  const json = jsonFromText(file, text, out);
  const loaded = json && toSurvey(json, out);
  return loaded?.complete ? loaded.file : undefined;
}

function toSurvey(json: JsonRead, out: DiagnosticCollector): Loaded<SurveyFile, IncompleteSurvey> {
  const base = { name: posix.basename(json.file, '.json'), file: json.file, folder: yearFolder(json.file, 'surveys'), locator: json.locator };
  const data = checkSchema(SurveySchema, json.value, json, [], out);
  if (data) return { complete: true, file: { ...base, data } };
  return { complete: false, file: { ...base, data: salvageFields(SurveySchema, json.value) } };
}

/** `minutes/2024-25/x.md` → `2024-25`; a file elsewhere has no year folder. */
function yearFolder(file: string, top: string): string | undefined {
  const parts = file.split('/');
  return parts.length === 3 && parts[0] === top ? parts[1] : undefined;
}

interface JsonRead {
  file: string;
  value: unknown;
  locator: Locator;
}

async function readJson(root: string, file: string, out: DiagnosticCollector, required: boolean): Promise<JsonRead | undefined> {
  if (!(await exists(join(root, file)))) {
    if (required) out.error('missing-file', { file }, [], `the file ${file} is missing: every community repository needs it (see the data model)`);
    return undefined;
  }
  const decoded = await readTextFile(join(root, file));
  if (!decoded.ok) {
    reportUnreadable(file, decoded.problem, out);
    return undefined;
  }
  return jsonFromText(file, decoded.text, out);
}

function jsonFromText(file: string, text: string, out: DiagnosticCollector): JsonRead | undefined {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    for (const p of parsed.problems) out.at(file, p, 'error', 'syntax', p.message);
    return undefined;
  }
  for (const d of parsed.duplicateKeys) {
    out.at(file, d.position, 'error', 'duplicate-field', `the field "${d.key}" is written twice in the same object: keep one`);
  }
  return { file, value: parsed.value, locator: parsed.locator };
}

function reportUnreadable(file: string, problem: 'encoding' | 'empty', out: DiagnosticCollector): void {
  if (problem === 'empty') out.error('empty-file', { file }, [], 'the file is empty: add its content, or delete the file');
  else out.error('encoding', { file }, [], 'the file is not UTF-8 text: save it again as UTF-8 (in most editors: "Save as" and choose UTF-8)');
}

function toList<S extends z.ZodType>(json: JsonRead | undefined, file: string, schema: S, out: DiagnosticCollector): ListFile<z.output<S>> {
  const list: ListFile<z.output<S>> = { file, locator: json?.locator, entries: [], brokenIds: new Set(), readable: false };
  if (!json) return list;
  if (!Array.isArray(json.value)) {
    out.error('schema', json, [], `${file} must hold a list ([ ... ]) of entries`);
    return list;
  }
  list.readable = true;
  json.value.forEach((raw: unknown, index) => {
    const data = checkSchema(schema, raw, json, [index], out);
    if (data !== undefined) list.entries.push({ index, data });
    else {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string') list.brokenIds.add(id);
    }
  });
  return list;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
