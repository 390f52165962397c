import { applyEdits, modify, parseTree } from 'jsonc-parser';
import { compareStrings } from '../../format/compare.js';
import { didYouMean } from '../../model/suggest.js';
import { isIsoDate } from '../../model/dates.js';
import { wordsOf } from '../../model/vocabulary.js';
import { choiceId, fieldOf, fieldProblems } from './body.js';
import { choice, choicesOr, defineForm, freeId } from './form.js';

const MEMBERS = 'data/members.json';

export default defineForm({
  name: 'add-member',
  title: 'Add a member',
  description: 'Someone who joined the community: a pull request adds them to the roster',
  issueTitle: 'Add a member',
  content(lookup) {
    const community = lookup.repo.community?.data;
    const words = wordsOf(community);
    // Units that still exist: a unit with an "until" has been closed or replaced.
    const units = [...lookup.units.values()]
      .filter((u) => u.until === undefined)
      .sort((a, b) => compareStrings(a.name.toLowerCase(), b.name.toLowerCase()) || compareStrings(a.id, b.id))
      .map((u) => choice(u.name, u.id));
    return {
      intro:
        'Add someone who has joined the community to the roster (data/members.json). A pull request follows ' +
        'within a few minutes, or a comment here says what to correct (edit this issue to correct it). Once it ' +
        "is merged, the session form lists them.\n\nThe roster keeps members' names inside this private " +
        'repository; the published reports never show them.',
      fields: [
        {
          kind: 'input',
          id: 'name',
          label: 'Name',
          description: 'Their name, as the attendee list will show it.',
          required: true,
        },
        choicesOr(
          {
            id: 'unit',
            label: 'Unit',
            description: `Their ${words.department.one} or ${words.service.one}.`,
            multiple: false,
            options: units,
            required: true,
          },
          {
            kind: 'input',
            description:
              `data/units.json lists no units yet: add their ${words.department.one} or ` +
              `${words.service.one} there first, then write its id.`,
          },
        ),
        {
          kind: 'dropdown',
          id: 'role',
          label: 'Role',
          description: words.roles.map((r) => `${r.id}: ${r.title}`).join('; '),
          multiple: false,
          options: words.roles.map((r) => ({ label: r.id, id: r.id })),
          required: true,
        },
        {
          kind: 'input',
          id: 'joined',
          label: 'Joined',
          description: 'The day they joined, written YYYY-MM-DD: 2025-10-14 for 14 October 2025.',
          placeholder: 'YYYY-MM-DD',
          required: true,
        },
      ],
    };
  },

  async toRecord({ answers, lookup, read }, content) {
    const { problems, error, warning } = fieldProblems(answers, content);
    // The name is personal data: no message repeats it, as GitHub keeps the comments.
    const name = answers.get('name')?.trim().replace(/\s+/g, ' ');
    if (name === undefined || name === '') error('name', "write the new member's name");
    else if (name.includes('@')) error('name', 'write their name, not an email address');

    const unitField = fieldOf(content, 'unit');
    const unitAnswer = answers.get('unit')?.trim();
    const unitIds = new Set([...lookup.units.keys(), ...lookup.renamed.keys()]);
    const unitOptions = unitField.kind === 'dropdown' ? unitField.options : [];
    // An option, `anything (id)`, a bare id, or the unit's name alone, as a coordinator editing the issue types it.
    const byName = (text: string) =>
      [...lookup.units.values()].find((u) => u.name.toLowerCase() === text.toLowerCase())?.id;
    const unitId =
      unitAnswer === undefined ? undefined : (choiceId(unitAnswer, unitOptions, unitIds) ?? byName(unitAnswer));
    const unit = unitId === undefined ? undefined : lookup.unit(unitId);
    if (unitAnswer === undefined)
      error('unit', `choose their ${wordsOf(lookup.repo.community?.data).department.one} or service`);
    else if (!unit) {
      const near = didYouMean(
        unitAnswer,
        [...lookup.units.values()].map((u) => u.name),
      );
      const meant = unitOptions.find((o) => near !== undefined && o.label === `${near} (${o.id})`)?.label ?? near;
      error(
        'unit',
        `"${unitAnswer}" is not a unit of data/units.json: ` +
          `${meant ? `did you mean ${meant}?` : "choose from the form's list"}`,
      );
    }

    const roleField = fieldOf(content, 'role');
    const roleAnswer = answers.get('role')?.trim();
    const role =
      roleField.kind === 'dropdown'
        ? roleField.options.find((o) => o.label === roleAnswer || o.id === roleAnswer)?.id
        : undefined;
    if (roleAnswer === undefined) error('role', 'choose their role');
    else if (role === undefined)
      error(
        'role',
        `"${roleAnswer}" is not one of the roles: ` +
          `${roleField.kind === 'dropdown' ? roleField.options.map((o) => o.label).join(', ') : ''}`,
      );

    const joined = answers.get('joined')?.trim();
    if (joined === undefined) error('joined', 'write the day they joined, YYYY-MM-DD');
    else if (!isIsoDate(joined))
      error('joined', `"${joined}" is not a date: write it as YYYY-MM-DD, for example 2025-10-14`);

    if (problems.length > 0 || !name || !unit || !role || !joined) return { problems };

    const text = await read(MEMBERS);
    if (text === undefined) {
      error('name', `${MEMBERS} does not exist: start the community first (see CONTRIBUTING.md)`);
      return { problems };
    }
    const namesake = [...lookup.members.values()].find((m) => m.name.toLowerCase() === name.toLowerCase());
    if (namesake)
      warning(
        'name',
        `${namesake.id} on the roster has this name already: if it is the same person, close the pull request; if ` +
          `they left and came back, remove "left" from their entry instead`,
      );
    const id = rosterId(name, [...lookup.members.keys()]);
    const entry = { id, name, unit: unit.id, role, joined };
    const appended = appendEntry(text, entry);
    if (appended === undefined) {
      error('name', `${MEMBERS} is not a list that can be added to: fix it first (see "cop validate")`);
      return { problems };
    }
    return {
      record: {
        file: MEMBERS,
        creates: false,
        basis: text,
        text: appended,
        // One line holds every answer: a finding on it speaks of the whole entry, by the form's name.
        lineFields: new Map(),
        title: `Add member ${id} to the roster`,
        summary: `A new member, ${id} (${unit.id}, ${role}), joined on ${joined}.`,
      },
      problems,
    };
  },
});

/**
 * A free id in the roster's own style: the next number after the highest when the ids are
 * a prefix and a number (`m07` → `m24`, `a12` → `a13`, zero-padded as they are), else the
 * name as a slug (`sam-taylor`, `sam-taylor-2`).
 */
function rosterId(name: string, ids: readonly string[]): string {
  const numbered = ids.map((id) => /^([a-z-]*?)(\d+)$/.exec(id)).filter((m): m is RegExpExecArray => m !== null);
  if (numbered.length > 0 && numbered.length * 2 >= ids.length) {
    // The most common prefix, and its widest number.
    const counts = new Map<string, number>();
    for (const m of numbered) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    const prefix = [...counts].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0]![0];
    const own = numbered.filter((m) => m[1] === prefix);
    const width = Math.max(...own.map((m) => m[2]!.length));
    const taken = new Set(ids);
    for (let n = Math.max(...own.map((m) => Number(m[2]))) + 1; ; n++) {
      const id = `${prefix}${String(n).padStart(width, '0')}`;
      if (!taken.has(id)) return id;
    }
  }
  const slug =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'member';
  return freeId(slug, new Set(ids));
}

/**
 * The roster with one entry added at its end, every other byte as it was: on one line like
 * the entry before it when that one is on one line (the roster's usual layout), else as
 * jsonc-parser lays out an insertion with the file's indentation.
 */
function appendEntry(text: string, entry: Record<string, string>): string | undefined {
  const tree = parseTree(text);
  if (tree?.type !== 'array') return undefined;
  const last = tree.children?.at(-1);
  const oneLine = (spaced: boolean) => {
    const pairs = Object.entries(entry).map(
      ([k, v]) => `${JSON.stringify(k)}:${spaced ? ' ' : ''}${JSON.stringify(v)}`,
    );
    return spaced ? `{ ${pairs.join(', ')} }` : `{${pairs.join(',')}}`;
  };
  if (!last) {
    const close = tree.offset + tree.length - 1;
    return `${text.slice(0, tree.offset)}[\n  ${oneLine(true)}\n]${text.slice(close + 1)}`;
  }
  const lastText = text.slice(last.offset, last.offset + last.length);
  const lineStart = text.lastIndexOf('\n', last.offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, last.offset))![0];
  if (!lastText.includes('\n')) {
    const end = last.offset + last.length;
    return `${text.slice(0, end)},\n${indent}${oneLine(/^\{\s/.test(lastText))}${text.slice(end)}`;
  }
  const tabSize = indent.includes('\t') ? 1 : Math.max(indent.length, 1);
  return applyEdits(
    text,
    modify(text, [tree.children!.length], entry, {
      isArrayInsertion: true,
      formattingOptions: { insertSpaces: !indent.includes('\t'), tabSize, eol: '\n' },
    }),
  );
}
