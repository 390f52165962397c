import type { LoadFinding } from '../load/documents.js';
import { Lookup } from '../model/lookup.js';
import { START, type Place, type Position, type SourceRef } from '../model/positions.js';
import type { Repository } from '../model/repository.js';
import type { SchemaFinding } from '../schema/index.js';
import actionDueDate from './action-due-date.js';
import coding from './coding.js';
import controlCharacter from './control-character.js';
import dateOrder from './date-order.js';
import type { Report, ReportOptions, Rule, RuleContext } from './define.js';
import { compareDiagnostics, type Diagnostic as BaseDiagnostic, type Severity } from './diagnostic.js';
import duplicateField from './duplicate-field.js';
import duplicateId from './duplicate-id.js';
import emptyFile from './empty-file.js';
import encoding from './encoding.js';
import fileFolder from './file-folder.js';
import fileKind from './file-kind.js';
import fileName from './file-name.js';
import frontmatter from './frontmatter.js';
import invalidDate from './invalid-date.js';
import leftBeforeJoined from './left-before-joined.js';
import lineBreak from './line-break.js';
import markdownDepth from './markdown-depth.js';
import meetingCounts from './meeting-counts.js';
import meetingPeriod from './meeting-period.js';
import missingField from './missing-field.js';
import missingFile from './missing-file.js';
import noAttendees from './no-attendees.js';
import notAMember from './not-a-member.js';
import notAsked from './not-asked.js';
import personalEmail from './personal-email.js';
import personalName from './personal-name.js';
import personalPhone from './personal-phone.js';
import pathwayProgress from './pathway-progress.js';
import plannedAttendees from './planned-attendees.js';
import plannedInThePast from './planned-in-the-past.js';
import populationYear from './population-year.js';
import quote from './quote.js';
import renamedUnit from './renamed-unit.js';
import responseIdentifier from './response-identifier.js';
import schema from './schema.js';
import sessionSummary from './session-summary.js';
import studentNumber from './student-number.js';
import surveyAnswer from './survey-answer.js';
import syntax from './syntax.js';
import unexpectedFile from './unexpected-file.js';
import unitNotInYear from './unit-not-in-year.js';
import unitYears from './unit-years.js';
import unknownField from './unknown-field.js';
import unknownQuestion from './unknown-question.js';
import unknownReference from './unknown-reference.js';
import unsafeLink from './unsafe-link.js';
import narrative from './narrative.js';
import valueCreation from './value-creation.js';
import { suggestion } from './support/suggest.js';

/**
 * Every rule the validator runs, in the order of the rule table. Ids are stable: CI
 * configurations, Danger and other communities' tooling match on them. To add a rule,
 * add its file and one entry here.
 */
export const RULES = [
  syntax,
  encoding,
  emptyFile,
  frontmatter,
  missingFile,
  fileKind,
  unexpectedFile,
  duplicateField,
  schema,
  missingField,
  unknownField,
  invalidDate,
  duplicateId,
  unknownReference,
  unitNotInYear,
  renamedUnit,
  notAMember,
  plannedAttendees,
  plannedInThePast,
  noAttendees,
  leftBeforeJoined,
  unitYears,
  fileName,
  fileFolder,
  dateOrder,
  actionDueDate,
  populationYear,
  meetingPeriod,
  meetingCounts,
  pathwayProgress,
  surveyAnswer,
  unknownQuestion,
  notAsked,
  personalEmail,
  personalPhone,
  studentNumber,
  personalName,
  responseIdentifier,
  controlCharacter,
  lineBreak,
  markdownDepth,
  unsafeLink,
  quote,
  coding,
  valueCreation,
  sessionSummary,
  narrative,
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

/** The rules about personal data, as they declare themselves. */
export const PERSONAL_DATA_RULES: ReadonlySet<string> = new Set(
  (RULES as readonly Rule[]).filter((r) => r.personalData).map((r) => r.id),
);

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/** A diagnostic whose rule is one of this catalogue's. */
export type Diagnostic = BaseDiagnostic & { rule: RuleId };

/** Runs every rule over what the load and schema stages produced, with the repository's own severities. */
export async function runRules(
  repo: Repository,
  load: readonly LoadFinding[],
  schemaFindings: readonly SchemaFinding[],
  /** What the later stages lend the rules that need them: the narrative checks, made from the lookup when asked. */
  later: { narrativeChecks?: (lookup: Lookup) => NonNullable<RuleContext['narrativeProblems']> } = {},
  /** The repository's lookup, when the caller has made it already. */
  lookup: Lookup = new Lookup(repo),
): Promise<{ diagnostics: Diagnostic[]; lookup: Lookup }> {
  let narrativeProblems: RuleContext['narrativeProblems'];
  const narrativeChecks = later.narrativeChecks;
  const out: Diagnostic[] = [];
  const severities = configuredSeverities(repo, out);
  const memo = new Map<string, unknown>();
  for (const rule of RULES as readonly Rule[]) {
    const severity = severities.get(rule.id) ?? rule.severity;
    if (severity === 'off') continue;
    const ctx: RuleContext = {
      repo,
      lookup,
      load,
      schema: schemaFindings,
      report: reporter(rule.id as RuleId, severity, out),
      ...(narrativeChecks
        ? {
            narrativeProblems: (n) => {
              narrativeProblems ??= narrativeChecks(lookup);
              return narrativeProblems(n);
            },
          }
        : {}),
      shared: <T>(key: string, make: () => T): T => {
        if (!memo.has(key)) memo.set(key, make());
        return memo.get(key) as T;
      },
    };
    await rule.check(ctx);
  }
  return { diagnostics: out.sort(compareDiagnostics), lookup };
}

function reporter(rule: RuleId, severity: Severity, out: Diagnostic[]): Report {
  const push = (file: string, place: Place, message: string, options: ReportOptions = {}) => {
    const cause = options.cause && {
      file: options.cause.source.file,
      ...(options.cause.source.locator?.at(options.cause.path) ?? START),
      message: options.cause.message,
    };
    out.push({
      file,
      line: place.start.line,
      column: place.start.column,
      severity,
      rule,
      message,
      place,
      source: 'cop',
      url: `docs/rules.md#${rule}`,
      ...(cause ? { cause } : {}),
      ...(options.expected && options.expected.length > 0 ? { expected: [...options.expected] } : {}),
      ...(options.personal !== undefined ? { personal: options.personal } : {}),
    });
  };
  const report = ((source: SourceRef, path, message, options) =>
    push(
      source.file,
      source.locator ? source.locator.place(path, options?.part) : { start: START },
      message,
      options,
    )) as Report;
  report.at = (file: string, position: Position, message: string, options) =>
    push(file, { start: position }, message, options);
  return report;
}

/**
 * `"rules": { "personal-name": "off" }` in data/community.json: a community's own
 * severities. An unknown rule id is reported like an unknown field; a rule without which
 * the files cannot be checked at all cannot be turned down.
 */
function configuredSeverities(repo: Repository, out: Diagnostic[]): Map<string, Severity | 'off'> {
  const community = repo.community;
  const configured = new Map<string, Severity | 'off'>();
  if (!community?.data.rules) return configured;
  const error = reporter('unknown-field', 'error', out);
  const fixed = reporter('schema', 'error', out);
  for (const [id, level] of Object.entries(community.data.rules)) {
    const rule = (RULES as readonly Rule[]).find((r) => r.id === id);
    if (!rule) {
      error(
        community,
        ['rules', id],
        `unknown rule "${id}":${suggestion(id, RULE_IDS) || ' see docs/rules.md for the ids'}`,
        {
          part: 'key',
          expected: [...RULE_IDS],
        },
      );
      continue;
    }
    if (rule.alwaysError && level !== 'error') {
      fixed(
        community,
        ['rules', id],
        `the rule "${id}" cannot be set to "${level}": a file with this problem cannot be checked at all`,
      );
      continue;
    }
    configured.set(id, level);
  }
  return configured;
}
