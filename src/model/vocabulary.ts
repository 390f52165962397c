import type { Community } from './community.js';

/** A word in its singular and plural: "department", "departments". */
export interface Word {
  one: string;
  many: string;
}

/**
 * What this institution calls things: its two kinds of unit, mentees and mentors, and its members' roles. Reports
 * and messages speak in these words; the data and the metrics keep the contract's names
 * (`department`, `service`, `academic`, `professional`).
 */
export interface Words {
  department: Word;
  service: Word;
  /** Whom mentors meet (students, by default), and who meets them. */
  mentee: Word;
  mentor: Word;
  /** Every role a member may have, the built-in ones first, each with its title. */
  roles: ReadonlyArray<{ id: string; title: string }>;
}

export const BUILT_IN_ROLES = [
  { id: 'academic', title: 'Academic staff' },
  { id: 'professional', title: 'Professional services staff' },
] as const;

export function wordsOf(community: Pick<Community, 'vocabulary' | 'roles'> | undefined): Words {
  return {
    department: community?.vocabulary?.department ?? { one: 'department', many: 'departments' },
    service: community?.vocabulary?.service ?? { one: 'service', many: 'services' },
    mentee: community?.vocabulary?.mentee ?? { one: 'student', many: 'students' },
    mentor: community?.vocabulary?.mentor ?? { one: 'mentor', many: 'mentors' },
    // A community may retitle a built-in role ("Professional staff") as well as add its own.
    roles: [
      ...BUILT_IN_ROLES.map((b) => community?.roles?.find((r) => r.id === b.id) ?? b),
      ...(community?.roles ?? []).filter((r) => !BUILT_IN_ROLES.some((b) => b.id === r.id)),
    ],
  };
}

/** "Department", for a heading or the start of a sentence. */
export const capital = (s: string): string => (s === '' ? s : `${s[0]!.toUpperCase()}${s.slice(1)}`);

/** "1 school", "3 schools". */
export const counted = (n: number, word: Word): string => `${n} ${n === 1 ? word.one : word.many}`;
