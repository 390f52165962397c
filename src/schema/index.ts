import { posix } from 'node:path';
import type { z } from 'zod';
import type { Documents, JsonDocument, MinutesDocument } from '../load/documents.js';
import { FILES, jsonDocument } from '../load/documents.js';
import { CommunitySchema } from '../model/community.js';
import { memberSchemaFor } from '../model/member.js';
import { wordsOf } from '../model/vocabulary.js';
import { OutputSchema } from '../model/output.js';
import { PathwaysSchema } from '../model/pathway.js';
import type {
  IncompleteSession,
  IncompleteSurvey,
  ListFile,
  Repository,
  Session,
  SurveyFile,
} from '../model/repository.js';
import { isScheduledOnly, SessionSchema, statusOf } from '../model/session.js';
import { MeetingReturnSchema } from '../model/meeting.js';
import { SurveySchema } from '../model/survey.js';
import { UnitSchema } from '../model/unit.js';
import { NarrativeSchema, narrativeOf } from '../model/narrative.js';
import { checkSchema, salvageFields, type SchemaFinding } from './issues.js';

export type { SchemaFinding, SchemaProblem } from './issues.js';

/**
 * The schema stage: parsed documents checked against the data model's schemas into the
 * typed repository the rules and metrics read. A file that fails keeps what did parse
 * (as an incomplete session or survey) so that its other problems are still found.
 */
export function toRepository(docs: Documents): { repo: Repository; findings: SchemaFinding[] } {
  const findings: SchemaFinding[] = [];
  const community = docs.community && checkSchema(CommunitySchema, docs.community.value, docs.community, [], findings);
  const repo: Repository = {
    ...(community && docs.community
      ? { community: { file: docs.community.file, locator: docs.community.locator, data: community } }
      : {}),
    units: toList(docs.units, FILES.units, UnitSchema, findings),
    members: toList(docs.members, FILES.members, memberSchemaFor(wordsOf(community).roles.map((r) => r.id)), findings),
    ...(docs.outputs ? { outputs: toList(docs.outputs, FILES.outputs, OutputSchema, findings) } : {}),
    ...pathwaysOf(docs.pathways, findings),
    sessions: [],
    scheduledSessions: [],
    incompleteSessions: [],
    surveys: [],
    incompleteSurveys: [],
    meetings: [],
    brokenSessionIds: new Set(docs.unreadableMinutes),
    narratives: [],
  };
  for (const doc of docs.minutes) {
    const s = toSession(doc, findings);
    if (s.complete) (statusOf(s.file.data) === 'held' ? repo.sessions : repo.scheduledSessions).push(s.file);
    else {
      repo.incompleteSessions.push(s.file);
      repo.brokenSessionIds.add(doc.id);
    }
  }
  for (const doc of docs.surveys) {
    const s = toSurvey(doc, findings);
    if (s.complete) repo.surveys.push(s.file);
    else repo.incompleteSurveys.push(s.file);
  }
  for (const doc of docs.meetings) {
    const data = checkSchema(MeetingReturnSchema, doc.value, doc, [], findings);
    if (data)
      repo.meetings.push({
        name: posix.basename(doc.file, '.json'),
        file: doc.file,
        folder: yearFolder(doc.file, 'meetings'),
        data,
        locator: doc.locator,
      });
  }
  for (const doc of docs.narratives) {
    const which = narrativeOf(doc.file)!;
    const data = doc.locator
      ? (checkSchema(NarrativeSchema, doc.value, doc, [], findings) ?? salvageFields(NarrativeSchema, doc.value))
      : {};
    repo.narratives.push({
      file: doc.file,
      ...which,
      data,
      ...(doc.locator ? { locator: doc.locator } : {}),
      body: doc.body,
      bodyLine: doc.bodyLine,
    });
  }
  return { repo, findings };
}

/** data/pathways.json into the model, when it exists and passes its schema. */
function pathwaysOf(doc: JsonDocument | undefined, findings: SchemaFinding[]): Pick<Repository, 'pathways'> {
  const data = doc && checkSchema(PathwaysSchema, doc.value, doc, [], findings);
  return doc && data ? { pathways: { file: doc.file, locator: doc.locator, data } } : {};
}

type Checked<Whole, Part> = { complete: true; file: Whole } | { complete: false; file: Part };

function toSession(doc: MinutesDocument, findings: SchemaFinding[]): Checked<Session, IncompleteSession> {
  const base = {
    id: doc.id,
    file: doc.file,
    folder: yearFolder(doc.file, 'minutes'),
    locator: doc.locator,
    body: doc.body,
    bodyLine: doc.bodyLine,
  };
  // A planned or cancelled session may leave `attendees` out: it has none.
  const value =
    isScheduledOnly(doc.value) && !Object.hasOwn(doc.value as object, 'attendees')
      ? { ...(doc.value as object), attendees: [] }
      : doc.value;
  const data = checkSchema(SessionSchema, value, doc, [], findings);
  if (data && !doc.recovered) return { complete: true, file: { ...base, data } };
  return { complete: false, file: { ...base, data: salvageFields(SessionSchema, value) } };
}

/** A survey file into the model; for commands that read one survey file, too. */
function toSurvey(doc: JsonDocument, findings: SchemaFinding[] = []): Checked<SurveyFile, IncompleteSurvey> {
  const base = {
    name: posix.basename(doc.file, '.json'),
    file: doc.file,
    folder: yearFolder(doc.file, 'surveys'),
    locator: doc.locator,
  };
  const data = checkSchema(SurveySchema, doc.value, doc, [], findings);
  if (data) return { complete: true, file: { ...base, data } };
  return { complete: false, file: { ...base, data: salvageFields(SurveySchema, doc.value) } };
}

/** `minutes/2024-25/x.md` → `2024-25`; a file elsewhere has no year folder. */
function yearFolder(file: string, top: string): string | undefined {
  const parts = file.split('/');
  return parts.length === 3 && parts[0] === top ? parts[1] : undefined;
}

/** A list file whose entries are checked one by one, so one bad entry does not drop the rest. */
function toList<S extends z.ZodType>(
  doc: JsonDocument | undefined,
  file: string,
  schema: S,
  findings: SchemaFinding[],
): ListFile<z.output<S>> {
  const list: ListFile<z.output<S>> = {
    file,
    ...(doc ? { locator: doc.locator } : {}),
    entries: [],
    brokenIds: new Set(),
    readable: false,
  };
  if (!doc) return list;
  if (!Array.isArray(doc.value)) {
    findings.push({
      problem: 'schema',
      source: doc,
      path: [],
      part: 'value',
      message: `${file} must hold a list ([ ... ]) of entries`,
    });
    return list;
  }
  list.readable = true;
  doc.value.forEach((raw: unknown, index) => {
    const data = checkSchema(schema, raw, doc, [index], findings);
    if (data !== undefined) list.entries.push({ index, data });
    else {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string') list.brokenIds.add(id);
    }
  });
  return list;
}

/**
 * A survey file's text into the model, or undefined when it does not parse or fit: for commands that read one survey
 * file.
 */
export function surveyFromText(file: string, text: string): SurveyFile | undefined {
  const doc = jsonDocument(file, text, []);
  const checked = doc && toSurvey(doc);
  return checked?.complete ? checked.file : undefined;
}
