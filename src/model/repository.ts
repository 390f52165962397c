import type { Locator } from './positions.js';
import type { Community } from './community.js';
import type { MeetingReturn } from './meeting.js';
import type { Member } from './member.js';
import type { Narrative } from './narrative.js';
import type { Output } from './output.js';
import type { Pathways } from './pathway.js';
import type { SessionData } from './session.js';
import type { Survey } from './survey.js';
import type { Unit } from './unit.js';

/** A parsed JSON file of one value, with the positions of its parts. */
interface DataFile<T> {
  file: string;
  locator: Locator;
  data: T;
}

/** A parsed JSON list whose entries are checked one by one, so one bad entry does not drop the rest. */
export interface ListFile<T> {
  file: string;
  locator?: Locator;
  entries: Array<{ index: number; data: T }>;
  /** Ids of entries that failed their schema: references to them are not reported again. */
  brokenIds: Set<string>;
  /** False when the file is missing or unreadable: references into it cannot be checked. */
  readable: boolean;
}

/** One minutes file: a session of the community. */
export interface Session {
  /** The file name without `.md`. */
  id: string;
  file: string;
  /** The `<year>` folder it sits in, if any. */
  folder: string | undefined;
  data: SessionData;
  locator: Locator;
  /** Markdown after the frontmatter, and the line it starts on. */
  body: string;
  bodyLine: number;
}

/**
 * A minutes file whose frontmatter parsed but failed its schema: the fields that passed
 * their own schema, so that one mistake does not hide the file's other problems.
 */
export interface IncompleteSession extends Omit<Session, 'data'> {
  data: Partial<SessionData>;
}

export interface SurveyFile {
  /** The file name without `.json`. */
  name: string;
  file: string;
  folder: string | undefined;
  data: Survey;
  locator: Locator;
}

/** A survey file that failed its schema: the fields that passed, for the checks that need no whole survey. */
export interface IncompleteSurvey extends Omit<SurveyFile, 'data'> {
  data: Partial<Survey>;
}

/** A meeting return: a period's counts of mentoring meetings by unit. */
interface MeetingFile {
  /** The file name without `.json`. */
  name: string;
  file: string;
  folder: string | undefined;
  data: MeetingReturn;
  locator: Locator;
}

export interface Repository {
  community?: DataFile<Community>;
  /** data/pathways.json, when it exists and passed its schema. */
  pathways?: DataFile<Pathways>;
  units: ListFile<Unit>;
  members: ListFile<Member>;
  outputs?: ListFile<Output>;
  /** Minutes files of held sessions that passed their schema: the sessions of every figure. */
  sessions: Session[];
  /** Minutes files of planned or cancelled sessions that passed their schema: checked and listed, never counted. */
  scheduledSessions: Session[];
  /** Minutes files that failed it: checked, never counted. */
  incompleteSessions: IncompleteSession[];
  surveys: SurveyFile[];
  incompleteSurveys: IncompleteSurvey[];
  /** Meeting returns (meetings/) that passed their schema. */
  meetings: MeetingFile[];
  /** Ids of sessions whose minutes could not be read or failed their schema. */
  brokenSessionIds: Set<string>;
  /** The reports as the community writes them (narrative/), whose frontmatter could be read. */
  narratives: Narrative[];
}

/** Every minutes file whose frontmatter could be read, held or not, complete or not. */
export function everyMinutesFile(repo: Repository): Array<Session | IncompleteSession> {
  return [...repo.sessions, ...repo.scheduledSessions, ...repo.incompleteSessions];
}

export function everySurveyFile(repo: Repository): Array<SurveyFile | IncompleteSurvey> {
  return [...repo.surveys, ...repo.incompleteSurveys];
}
