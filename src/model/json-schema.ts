import { z } from 'zod';
import { type Community, CommunitySchema } from './community.js';
import { MeetingReturnSchema } from './meeting.js';
import { MemberSchema, memberSchemaFor } from './member.js';
import { wordsOf } from './vocabulary.js';
import { OutputSchema } from './output.js';
import { PathwaysSchema } from './pathway.js';
import { SessionSchema } from './session.js';
import { SurveySchema } from './survey.js';
import { UnitSchema } from './unit.js';

/**
 * The data model as JSON Schema (draft 2020-12), from the same zod schemas the validator
 * uses, for editors: github.dev and VS Code complete and check fields as one types. What a
 * JSON Schema cannot say (references between files, one file's dates against another's)
 * stays with the validator.
 */
export const EDITOR_SCHEMAS = {
  community: { schema: CommunitySchema, files: ['data/community.json'] },
  units: {
    schema: z
      .array(UnitSchema)
      .meta({ title: 'Units', description: 'data/units.json: the departments and services of the institution' }),
    files: ['data/units.json'],
  },
  members: {
    schema: z
      .array(MemberSchema)
      .meta({ title: 'Members', description: 'data/members.json: the roster, one entry per member' }),
    files: ['data/members.json'],
  },
  outputs: {
    schema: z.array(OutputSchema).meta({
      title: 'Outputs',
      description: 'data/outputs.json: presentations, publications and professional recognition',
    }),
    files: ['data/outputs.json'],
  },
  survey: { schema: SurveySchema, files: ['surveys/*/*.json'] },
  meetings: { schema: MeetingReturnSchema, files: ['meetings/*/*.json'] },
  pathways: { schema: PathwaysSchema, files: ['data/pathways.json'] },
  // Minutes are YAML inside Markdown: no JSON editor maps them, but the schema documents them.
  session: { schema: SessionSchema, files: [] },
} as const;

export type EditorSchemaName = keyof typeof EDITOR_SCHEMAS;

const editorSchemaPath = (name: string) => `schemas/${name}.schema.json`;

/** The JSON Schema of one file, as an object. With a community, the roster's roles are the community's own. */
function editorSchema(name: EditorSchemaName, community?: Pick<Community, 'roles'>): Record<string, unknown> {
  const schema =
    name === 'members' && community?.roles?.length
      ? z
          .array(memberSchemaFor(wordsOf(community).roles.map((r) => r.id)))
          .meta(z.globalRegistry.get(EDITOR_SCHEMAS.members.schema) ?? {})
      : EDITOR_SCHEMAS[name].schema;
  return z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<
    string,
    unknown
  >;
}

/** One schema as the text of its file. */
export function editorSchemaText(name: EditorSchemaName, community?: Pick<Community, 'roles'>): string {
  return `${JSON.stringify(editorSchema(name, community), null, 2)}\n`;
}

/** Every schema file, path → text. */
export function editorSchemaFiles(community?: Pick<Community, 'roles'>): Map<string, string> {
  return new Map(
    Object.keys(EDITOR_SCHEMAS).map((name) => [
      editorSchemaPath(name),
      editorSchemaText(name as EditorSchemaName, community),
    ]),
  );
}

/** VS Code's `json.schemas` setting: which schema checks which file. */
export function editorSchemaMapping(): Array<{ fileMatch: string[]; url: string }> {
  return Object.entries(EDITOR_SCHEMAS)
    .filter(([, s]) => s.files.length > 0)
    .map(([name, s]) => ({ fileMatch: s.files.map((f) => `/${f}`), url: `./${editorSchemaPath(name)}` }));
}
