import { compareStrings } from '../../format/compare.js';
import { plural } from '../../format/numbers.js';
import { slugHint } from '../../format/slug.js';
import { isIsoDate } from '../../model/dates.js';
import { ID_PATTERN } from '../../model/fields.js';
import type { Lookup } from '../../model/lookup.js';
import { everyMinutesFile } from '../../model/repository.js';
import { SESSION_FORMATS, SESSION_STATUSES, SESSION_TYPES } from '../../model/session.js';
import { wordsOf } from '../../model/vocabulary.js';
import { type FrontmatterField, minutesPath, minutesText } from '../minutes-file.js';
import { PLANNED_BODY, SUMMARY_TO_WRITE } from '../session-template.js';
import { choiceId, entryLines, fieldOf, fieldProblems, idInParens, shownChoice, splitChoices } from './body.js';
import {
  type Answers,
  type Choice,
  choice,
  choicesOr,
  defineForm,
  type Field,
  type FormContent,
  freeId,
  type LineField,
} from './form.js';
import { matchPerson, memberChoices, personId, teamChoices } from './people.js';

/** A form records a session that took place or one still to come; a cancelled one is edited in its file. */
const STATUSES = SESSION_STATUSES.filter((s) => s !== 'cancelled');

/** `Department of Finance`, `University College London x 3`, `Imperial College London (2)`. */
const COUNT = /^(.*?)\s+(?:[x×]\s*(\d+)|\((\d+)\))$/i;
/** What separates a presenter's name from their role. */
const ROLE_SEPARATOR = /\s+[—–-]\s+|:\s+|,\s+/;

export default defineForm({
  name: 'record-session',
  title: 'Record a session',
  description: "A session's minutes, from a form: a pull request adds them to the records",
  issueTitle: 'Record a session: ',
  content(lookup) {
    const community = lookup.repo.community?.data;
    const words = wordsOf(community);
    const members = memberChoices(lookup);
    const people = [...teamChoices(lookup), ...members];
    const themes = (community?.themes ?? []).map((t) => choice(t.title, t.id));
    // Examples from the community's own records, so that no form speaks of another institution's units or team.
    const aUnit = [...lookup.units.values()].find((u) => u.kind === 'department' && u.until === undefined)?.name;
    const owner = community?.team[0]?.id ?? [...lookup.members.keys()][0];
    const theme = community?.themes[0]?.title;
    const fields: Field[] = [
      {
        kind: 'input',
        id: 'title',
        label: 'Title',
        description: 'A short title for the session, as the annual report will list it.',
        placeholder: 'Welcome back',
        required: true,
      },
      {
        kind: 'input',
        id: 'date',
        label: 'Date',
        description: 'The day of the session, written YYYY-MM-DD: 2025-10-14 for 14 October 2025.',
        placeholder: 'YYYY-MM-DD',
        required: true,
      },
      {
        kind: 'dropdown',
        id: 'type',
        label: 'Type',
        description: 'What kind of session it was.',
        multiple: false,
        options: plain(SESSION_TYPES),
        default: 0,
        required: true,
      },
      {
        kind: 'dropdown',
        id: 'format',
        label: 'Format',
        description: 'Where it took place: in person, hybrid (in a room and online) or online.',
        multiple: false,
        options: plain(SESSION_FORMATS),
        required: true,
      },
      {
        kind: 'dropdown',
        id: 'status',
        label: 'Status',
        description:
          'held: it has taken place. planned: it is still to come (leave the attendees empty; record them once it ' +
          'has taken place).',
        multiple: false,
        options: plain(STATUSES),
        default: 0,
        required: true,
      },
      people.length > 0
        ? {
            kind: 'dropdown',
            id: 'facilitators',
            label: 'Facilitators',
            description: 'Who led the session: the team, or members.',
            multiple: true,
            options: people,
            required: false,
          }
        : {
            kind: 'textarea',
            id: 'facilitators',
            label: 'Facilitators',
            description:
              'Who led the session: one id per line, as data/community.json ("team") or data/members.json write it.',
            required: false,
          },
      members.length > 0
        ? {
            kind: 'dropdown',
            id: 'attendees',
            label: 'Attendees',
            description:
              'Every member who took part. Guests who are not members go under Guests. Leave it empty for a ' +
              'planned session.',
            multiple: true,
            options: members,
            required: false,
          }
        : {
            kind: 'textarea',
            id: 'attendees',
            label: 'Attendees',
            description:
              'The roster (data/members.json) has no current members yet: add them first, or write the member ids ' +
              'one per line.',
            required: false,
          },
      {
        kind: 'textarea',
        id: 'guests',
        label: 'Guests',
        description:
          `People present who are not members, one group per line: a ${words.department.one} or ` +
          `${words.service.one} of the institution by its name, or another institution; add "x 3" at the end when ` +
          `several came from there.`,
        placeholder: `${aUnit ? `${aUnit}\n` : ''}Another university x 3`,
        required: false,
      },
      {
        kind: 'textarea',
        id: 'presenters',
        label: 'Presenters',
        description:
          'Who presented, one per line: a member as the attendee list writes them, or someone who is not a member ' +
          'as "Name — role" (named as they agreed to be named).',
        placeholder: "A member's name (their id), as in the attendee list\nA guest speaker — their role",
        required: false,
      },
      choicesOr(
        {
          id: 'themes',
          label: 'Themes',
          description: 'The themes the session discussed.',
          multiple: true,
          options: themes,
          required: true,
        },
        {
          kind: 'textarea',
          description: 'data/community.json lists no themes yet: add them first, or write theme ids one per line.',
        },
      ),
      {
        kind: 'textarea',
        id: 'summary',
        label: 'Summary',
        description:
          `What was discussed, one point per line, for the annual report. Speak of ${words.mentee.many} in ` +
          `general terms only: never a name or anything that could identify a ${words.mentee.one}.`,
        placeholder: `- **${theme ?? 'A topic'}.** Members shared what works for them.`,
        required: false,
      },
      {
        kind: 'textarea',
        id: 'actions',
        label: 'Actions',
        description:
          'Actions agreed, one per line: what is to be done, then "; owner: " and who does it, and "; due: " and ' +
          'the date (YYYY-MM-DD), each if known.',
        placeholder: `Share the slides with members${owner ? `; owner: ${owner}` : ''}; due: 2025-10-31`,
        required: false,
      },
    ];
    return {
      intro:
        'Record a session of the community. A pull request with its minutes follows within a few minutes, or a ' +
        'comment here says what to correct (edit this issue to correct it). The lists come from the records: ' +
        'someone missing from them is added first, with the form "Add a member".\n\nThis issue names who ' +
        'attended, as the records do: it stays in this private repository, and the published reports never ' +
        'show names.',
      fields,
    };
  },

  async toRecord({ answers, lookup, read }, content) {
    const { problems, error, warning } = fieldProblems(answers, content);
    const community = lookup.repo.community?.data;
    const yearStart = community?.yearStart;

    const title = answers.get('title')?.trim().replace(/\s+/g, ' ');
    if (title === undefined || title === '') error('title', 'the session needs a title');
    const date = answers.get('date')?.trim();
    if (date === undefined) error('date', 'the session needs its date, written YYYY-MM-DD');
    else if (!isIsoDate(date)) error('date', `"${date}" is not a date: write it as YYYY-MM-DD, for example 2025-10-14`);
    const type = single(answers, content, 'type', error);
    const format = single(answers, content, 'format', error);
    const status = single(answers, content, 'status', error) ?? 'held';
    const validDate = date !== undefined && isIsoDate(date) ? date : undefined;

    const people = (id: string, withTeam: boolean, what: string): string[] => {
      const field = fieldOf(content, id);
      const options = field.kind === 'dropdown' ? field.options : [];
      const out: string[] = [];
      for (const text of choicesOf(answers.get(id), field)) {
        const found = matchPerson(text, lookup, options, withTeam, what);
        if ('problem' in found) error(id, found.problem);
        else if (!out.includes(found.id)) out.push(found.id);
      }
      return out;
    };
    const facilitators = people('facilitators', true, 'in the team or on the roster');
    const attendees = people('attendees', false, 'on the roster');
    // Whether each attendee was a member on the day is the not-a-member rule's, which validating the record tells.
    if (status === 'planned' && attendees.length > 0)
      error(
        'attendees',
        'a planned session has no attendees yet: leave them empty, or set Status to held if it has taken place',
      );
    if (status === 'held' && attendees.length === 0 && answers.get('attendees') === undefined)
      error('attendees', 'choose the members who attended (or set Status to planned for a session still to come)');

    const guests = guestEntries(answers.get('guests'), lookup, (m) => error('guests', m));
    const presenters = presenterEntries(answers.get('presenters'), lookup, content, (m) => error('presenters', m));

    const themeField = fieldOf(content, 'themes');
    const themes: string[] = [];
    for (const text of choicesOf(answers.get('themes'), themeField)) {
      const id = choiceId(text, themeField.kind === 'dropdown' ? themeField.options : [], lookup.themes);
      if (id === undefined)
        error('themes', `"${text}" is not one of the community's themes: choose from the form's list`);
      else if (!themes.includes(id)) themes.push(id);
    }
    if (themes.length === 0 && answers.get('themes') === undefined)
      error('themes', 'choose at least one theme the session discussed');

    const actions = actionEntries(answers.get('actions'), lookup, content, (m) => error('actions', m));
    const summary = answers.get('summary');

    if (yearStart === undefined) {
      error(
        'date',
        'data/community.json has no valid yearStart, so the academic year is unknown: fix the records first',
      );
      return { problems };
    }

    // With mistakes in some answers, the minutes are still drafted from the others and validated, so that
    // every problem of the form (the privacy of its texts too) is told in one run; a draft is never written.
    const draft =
      problems.some((p) => p.severity === 'error') ||
      title === undefined ||
      validDate === undefined ||
      type === undefined ||
      format === undefined;
    // A draft of a date that is wrong still has a path, so that the rest can be validated; it is never written.
    const file =
      validDate === undefined
        ? `minutes/unknown-year/unknown-date-${slugHint(title ?? 'session')}.md`
        : minutesPath(validDate, title ?? 'session', yearStart);
    if (!draft && (await read(file)) !== undefined) {
      error(
        'title',
        `${file} already exists, and is never overwritten: if this session is already recorded, close this issue; ` +
          `if it is another session on that day, give it another title`,
      );
      return { problems };
    }

    const fields: FrontmatterField[] = [];
    const put = (key: string, value: unknown) => value !== undefined && fields.push({ key, value });
    put('title', title);
    put('date', validDate);
    put('type', type);
    put('format', format);
    if (status !== 'held') put('status', status);
    if (facilitators.length > 0) put('facilitators', facilitators);
    // By id, as the hand-written minutes list them.
    if (status === 'held') put('attendees', [...attendees].sort(compareStrings));
    if (guests.length > 0)
      put(
        'guests',
        guests.map((g) => ({
          ...(g.unit !== undefined ? { unit: g.unit } : { institution: g.institution }),
          ...(g.count > 1 ? { count: g.count } : {}),
        })),
      );
    if (presenters.length > 0) put('presenters', presenters);
    put('themes', themes);
    if (actions.length > 0) put('actions', actions);
    const body =
      summary !== undefined
        ? `## Summary\n\n${summary.replace(/\r\n?/g, '\n').trimEnd()}\n`
        : status === 'planned'
          ? PLANNED_BODY
          : `## Summary\n\n${SUMMARY_TO_WRITE}\n`;
    const { text, fieldOfLine, bodyLine } = minutesText(fields, body);
    const lineFields = new Map<number, LineField>([...fieldOfLine].map(([line, field]) => [line, { field }]));
    // The summary is copied as written, under "## Summary" and a blank line: its lines are the answer's.
    if (summary !== undefined) {
      const first = bodyLine + 2;
      const count = text.split('\n').length - first;
      for (let i = 0; i < count; i++) lineFields.set(first + i, { field: 'summary', answerLine: i + 1 });
    }
    if (status === 'held' && summary === undefined)
      warning(
        'summary',
        'no summary was given: add a point for each topic discussed to the minutes, for the annual report',
      );
    const what = status === 'planned' ? 'planned session' : 'session';
    return {
      record: {
        draft,
        file,
        creates: true,
        text,
        lineFields,
        title: `Record the ${what} "${title}" of ${validDate}`,
        summary:
          `The minutes of the ${what} "${title}" of ` +
          `${validDate}` +
          (status === 'held' ? `, with ${plural(attendees.length, 'member')} attending` : '') +
          '.',
      },
      problems,
    };
  },
});

const plain = (values: readonly string[]): Choice[] => values.map((v) => ({ label: v, id: v }));

/** A single dropdown's answer, as one of its options' ids. */
function single(
  answers: Answers,
  content: FormContent,
  id: string,
  error: (id: string, message: string) => void,
): string | undefined {
  const field = fieldOf(content, id);
  const answer = answers.get(id)?.trim();
  if (answer === undefined || field.kind !== 'dropdown') {
    if (field.required && field.kind === 'dropdown' && field.default === undefined)
      error(id, `choose one of ${field.options.map((o) => o.label).join(', ')}`);
    return field.kind === 'dropdown' && field.default !== undefined ? field.options[field.default]!.id : undefined;
  }
  const found = field.options.find((o) => o.label === answer || o.id === answer);
  if (!found) error(id, `"${answer}" is not one of the choices: ${field.options.map((o) => o.label).join(', ')}`);
  return found?.id;
}

/**
 * The choices of a people or theme field: a dropdown's `, `-joined answer, or a textarea's entries, by lines or commas.
 */
function choicesOf(answer: string | undefined, field: Field): string[] {
  if (answer === undefined) return [];
  return splitChoices(answer, field.kind === 'dropdown' ? field.options : []);
}

interface Guest {
  unit?: string;
  institution?: string;
  count: number;
}

function guestEntries(answer: string | undefined, lookup: Lookup, error: (message: string) => void): Guest[] {
  const units = [...lookup.units.values()];
  const out: Guest[] = [];
  for (const { text } of entryLines(answer)) {
    const m = COUNT.exec(text);
    const name = (m ? m[1]! : text).trim();
    const count = m ? Number(m[2] ?? m[3]) : 1;
    if (count < 1) {
      error(`"${text}": the number of guests must be 1 or more`);
      continue;
    }
    const lower = name.toLowerCase();
    const inParens = idInParens(name);
    const unit =
      (inParens !== undefined ? lookup.unit(inParens) : undefined) ??
      lookup.unit(name) ??
      units.find((u) => u.name.toLowerCase() === lower || `${u.name} (${u.id})`.toLowerCase() === lower);
    const entry: Guest = unit ? { unit: unit.id, count } : { institution: name, count };
    const same = out.find((g) => g.unit === entry.unit && g.institution === entry.institution);
    if (same) same.count += count;
    else out.push(entry);
  }
  return out;
}

function presenterEntries(
  answer: string | undefined,
  lookup: Lookup,
  content: FormContent,
  error: (message: string) => void,
) {
  const attendees = fieldOf(content, 'attendees');
  const options = attendees.kind === 'dropdown' ? attendees.options : [];
  const out: Array<{ member?: string; name?: string; role?: string }> = [];
  for (const { text } of entryLines(answer)) {
    const member = personId(text, lookup, options, false);
    if (member !== undefined) {
      if (!out.some((p) => p.member === member)) out.push({ member });
      continue;
    }
    // "Someone (m77)" names an id that is not on the roster; "Dr Pat Visitor (NSU)" is a name.
    if (ID_PATTERN.test(idInParens(text) ?? '')) {
      error(
        `${shownChoice(text)} is not on the roster: write a member as the attendee list does, or someone else as ` +
          `"Name — role"`,
      );
      continue;
    }
    const sep = ROLE_SEPARATOR.exec(text);
    const name = (sep ? text.slice(0, sep.index) : text).trim();
    const role = sep ? text.slice(sep.index + sep[0].length).trim() : undefined;
    out.push({ name, ...(role ? { role } : {}) });
  }
  return out;
}

interface Action {
  id: string;
  text: string;
  owner?: string;
  due?: string;
  status: 'open' | 'done';
}

function actionEntries(
  answer: string | undefined,
  lookup: Lookup,
  content: FormContent,
  error: (message: string) => void,
): Action[] {
  const taken = new Set<string>();
  for (const s of everyMinutesFile(lookup.repo)) for (const a of s.data.actions ?? []) taken.add(a.id);
  const facilitators = fieldOf(content, 'facilitators');
  const options = facilitators.kind === 'dropdown' ? facilitators.options : [];
  const out: Action[] = [];
  for (const { text: line, checked } of entryLines(answer)) {
    const parts = line.split(';').map((p) => p.trim());
    const textParts: string[] = [];
    let owner: string | undefined;
    let due: string | undefined;
    let ok = true;
    for (const part of parts) {
      const key = /^(owner|due)\s*:\s*(.*)$/i.exec(part);
      if (!key) {
        textParts.push(part);
        continue;
      }
      const value = key[2]!.trim();
      if (key[1]!.toLowerCase() === 'due') {
        if (!isIsoDate(value)) {
          error(`"${value}" is not a date: write the due date as YYYY-MM-DD, for example 2025-11-30`);
          ok = false;
        } else due = value;
      } else {
        owner = personId(value, lookup, options, true);
        if (owner === undefined) {
          error(
            `the owner ${shownChoice(value)} is not in the team or on the roster: write an id or a name as the ` +
              `facilitator list writes it`,
          );
          ok = false;
        }
      }
    }
    const text = textParts.filter((p) => p !== '').join('; ');
    if (text === '') {
      error('an action needs its text first, before "; owner:" and "; due:"');
      continue;
    }
    if (!ok) continue;
    const id = freeId(actionSlug(text), taken);
    taken.add(id);
    out.push({
      id,
      text,
      ...(owner !== undefined ? { owner } : {}),
      ...(due !== undefined ? { due } : {}),
      status: checked ? 'done' : 'open',
    });
  }
  return out;
}

/** An action id like the hand-written ones: the first words of its text, at most 40 characters. */
function actionSlug(text: string): string {
  const words = slugHint(text, 'action').split('-');
  let id = words[0]!;
  for (const w of words.slice(1)) {
    if (`${id}-${w}`.length > 40) break;
    id = `${id}-${w}`;
  }
  return id.slice(0, 40).replace(/-$/, '');
}
