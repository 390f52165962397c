/**
 * Every rule id the validator can report. Ids are stable: CI configurations, Danger and
 * other communities' tooling match on them. Add new ids; never rename one.
 */
export const RULES = {
  syntax: 'a JSON or YAML file that does not parse',
  encoding: 'a file that is not UTF-8 text',
  'empty-file': 'an empty file',
  frontmatter: 'a minutes file without a closed `---` frontmatter block',
  'missing-file': 'a required file of data/ is missing',
  'unexpected-file': 'a file under minutes/ or surveys/ that is not minutes or a survey (warning)',
  'duplicate-field': 'a field written twice in one JSON object',
  schema: 'a value of the wrong type or outside its allowed list',
  'missing-field': 'a required field left out',
  'unknown-field': 'a field the data model does not have (usually a typo)',
  'invalid-date': 'a date that is not a real YYYY-MM-DD calendar date',
  'duplicate-id': 'an id used twice where it must be unique',
  'unknown-reference': 'an id that names nothing: member, unit, team entry, theme, aim, session or question',
  'renamed-unit': 'an old unit id listed in another unit\'s `formerly` (warning)',
  'unit-not-in-year': 'a guest unit that did not exist in the session\'s academic year',
  'unit-years': 'a unit whose `until` is before its `from`',
  'not-a-member': 'an attendee who was not a member on the session\'s date',
  'left-before-joined': 'a member whose `left` date is before `joined`',
  'file-name': 'a minutes file not named `<date>-<slug>.md`, or a survey not named by its id',
  'file-folder': 'a minutes or survey file outside its academic-year folder',
  'date-order': 'a survey closing before it opens; an action due before its session (warning)',
  'population-year': 'a survey whose population session is in another academic year than the survey (warning)',
  'survey-answer': 'an answer that does not fit its question',
  'unknown-question': 'an answer to a question the survey does not have',
  'not-asked': 'an answer to an `askedIf` question the respondent was not shown',
  'response-identifier': 'a survey response with a key beside `id` and `answers`: responses are anonymous',
  'personal-email': 'an email address in minutes or a free-text answer',
  'personal-phone': 'a phone number in minutes or a free-text answer',
  'student-number': 'something shaped like a student number in minutes or a free-text answer',
  'personal-name': 'a person\'s name that belongs to no member, team entry or presenter (warning)',
  'quote': 'a chosen quote that names no written answer',
} as const;

export type RuleId = keyof typeof RULES;
