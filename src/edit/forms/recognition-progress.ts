import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import { FILES } from '../../load/documents.js';
import { isIsoDate } from '../../model/dates.js';
import { choiceId, fieldOf, fieldProblems } from './body.js';
import { type Choice, choicesOr, defineForm, type Field } from './form.js';
import { memberChoices } from './people.js';

/** A step a member takes on a pathway: a stage reached, or a withdrawal. */
const stepChoices = (pathways: ReadonlyArray<{ id: string; title: string; stages: string[] }>): Choice[] =>
  pathways.flatMap((p) => [
    ...p.stages.map((s) => ({ label: `${p.title}: ${s} (${p.id}/${s})`, id: `${p.id}/${s}` })),
    { label: `${p.title}: withdrew (${p.id}/withdrawn)`, id: `${p.id}/withdrawn` },
  ]);

const FORMATTING = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } } as const;

export default defineForm({
  name: 'recognition-progress',
  title: 'Recognition progress',
  description: 'A member reached a stage of a recognition pathway, or withdrew: a pull request records it',
  issueTitle: 'Recognition progress',
  content(lookup) {
    const pathways = lookup.repo.pathways?.data.pathways ?? [];
    const members = memberChoices(lookup);
    const steps = stepChoices(pathways);
    return {
      intro:
        `Record that a member reached a stage of a recognition pathway, or withdrew from it (${FILES.pathways}). ` +
        'A pull request follows within a few minutes, or a comment here says what to correct (edit this issue to ' +
        'correct it).\n\nThe reports count members at each stage and never name them.',
      fields: <Field[]>[
        members.length > 0
          ? {
              kind: 'dropdown',
              id: 'member',
              label: 'Member',
              description: 'Who reached the stage.',
              multiple: false,
              options: members,
              required: true,
            }
          : {
              kind: 'input',
              id: 'member',
              label: 'Member',
              description: 'The roster has no current members yet: add them first, or write the member id.',
              required: true,
            },
        choicesOr(
          {
            id: 'step',
            label: 'Stage',
            description: 'The stage reached (stages are reached in order), or the withdrawal.',
            multiple: false,
            options: steps,
            required: true,
          },
          {
            kind: 'input',
            description: `${FILES.pathways} lists no pathways yet: add them first, then write <pathway id>/<stage>.`,
          },
        ),
        {
          kind: 'input',
          id: 'date',
          label: 'Date',
          description: 'The day it was reached, written YYYY-MM-DD.',
          placeholder: 'YYYY-MM-DD',
          required: true,
        },
      ],
    };
  },

  async toRecord({ answers, lookup, read }, content) {
    const { problems, error } = fieldProblems(answers, content);
    const pathways = lookup.repo.pathways?.data.pathways ?? [];
    const memberField = fieldOf(content, 'member');
    const memberAnswer = answers.get('member')?.trim();
    const member =
      memberAnswer === undefined
        ? undefined
        : choiceId(
            memberAnswer,
            memberField.kind === 'dropdown' ? memberField.options : [],
            new Set(lookup.members.keys()),
          );
    if (memberAnswer === undefined) error('member', 'choose the member');
    else if (member === undefined) error('member', 'choose a member from the list (the roster has no such member)');

    const stepField = fieldOf(content, 'step');
    const stepAnswer = answers.get('step')?.trim();
    const steps = stepChoices(pathways);
    const step =
      stepAnswer === undefined
        ? undefined
        : choiceId(stepAnswer, stepField.kind === 'dropdown' ? stepField.options : [], new Set(steps.map((s) => s.id)));
    if (stepAnswer === undefined) error('step', 'choose the stage reached');
    else if (step === undefined)
      error('step', `"${stepAnswer}" is no stage of a pathway: choose one from the list (<pathway id>/<stage>)`);

    const date = answers.get('date')?.trim();
    if (date === undefined) error('date', 'write the day, YYYY-MM-DD');
    else if (!isIsoDate(date)) error('date', `"${date}" is not a date: write it as YYYY-MM-DD, for example 2025-03-14`);
    if (problems.some((p) => p.severity === 'error') || !member || !step || !date || !isIsoDate(date))
      return { problems };

    const text = await read(FILES.pathways);
    const tree = text === undefined ? undefined : parseTree(text);
    const list = tree && findNodeAtLocation(tree, ['progress']);
    if (text === undefined || !tree || tree.type !== 'object') {
      error('step', `${FILES.pathways} does not exist or is not an object: add the pathways there first`);
      return { problems };
    }
    const [pathway, stage] = step.split('/') as [string, string];
    const entries = lookup.repo.pathways?.data.progress ?? [];
    const index = entries.findIndex((p) => p.member === member && p.pathway === pathway);
    // An existing entry gains the date; a new member on the pathway gets an entry of their own at the end.
    const edits =
      index >= 0
        ? modify(
            text,
            ['progress', index, ...(stage === 'withdrawn' ? ['withdrawn'] : ['stages', stage])],
            date,
            FORMATTING,
          )
        : modify(
            text,
            ['progress', list?.type === 'array' ? (list.children?.length ?? 0) : 0],
            {
              member,
              pathway,
              stages: stage === 'withdrawn' ? {} : { [stage]: date },
              ...(stage === 'withdrawn' ? { withdrawn: date } : {}),
            },
            { ...FORMATTING, isArrayInsertion: true },
          );
    const next = applyEdits(text, edits);
    const what = stage === 'withdrawn' ? `withdrew from ${pathway}` : `reached ${stage} on ${pathway}`;
    return {
      record: {
        file: FILES.pathways,
        creates: false,
        basis: text,
        text: next.endsWith('\n') ? next : `${next}\n`,
        lineFields: new Map(),
        title: `Recognition progress: ${member} ${what}`,
        summary: `${member} ${what} on ${date}.`,
      },
      problems,
    };
  },
});
