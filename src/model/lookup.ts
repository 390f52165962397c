import { academicYearOf, compareYears, firstDay, lastDay, type AcademicYear, type IsoDate } from './dates.js';
import type { Member } from './member.js';
import type { Repository, Session } from './repository.js';
import type { Unit } from './unit.js';

/**
 * Indexes over the repository that checks and metrics share, so that "who is a
 * member", "which unit is this" and "which year is this" have one answer everywhere.
 */
export class Lookup {
  readonly yearStart: string | undefined;
  readonly members = new Map<string, Member>();
  readonly units = new Map<string, Unit>();
  /** Old unit id → the id of the unit that replaced it. */
  readonly renamed = new Map<string, string>();
  readonly team = new Set<string>();
  readonly themes = new Set<string>();
  readonly aims = new Set<string>();
  /** Every session with a valid minutes file, held or not, by id. */
  readonly sessions = new Map<string, Session>();

  constructor(readonly repo: Repository) {
    const community = repo.community?.data;
    this.yearStart = community?.yearStart;
    for (const t of community?.team ?? []) this.team.add(t.id);
    for (const t of community?.themes ?? []) this.themes.add(t.id);
    for (const a of community?.aims ?? []) this.aims.add(a.id);
    for (const { data } of repo.members.entries) if (!this.members.has(data.id)) this.members.set(data.id, data);
    for (const { data } of repo.units.entries) if (!this.units.has(data.id)) this.units.set(data.id, data);
    for (const { data } of repo.units.entries) {
      for (const old of data.formerly ?? [])
        if (!this.units.has(old) && !this.renamed.has(old)) this.renamed.set(old, data.id);
    }
    for (const s of [...repo.sessions, ...repo.scheduledSessions])
      if (!this.sessions.has(s.id)) this.sessions.set(s.id, s);
  }

  /** The unit an id names, following `formerly` to the unit that replaced it. */
  unit(id: string): Unit | undefined {
    return this.units.get(id) ?? this.units.get(this.renamed.get(id) ?? '');
  }

  /** A member's unit, resolved through renames. */
  memberUnit(memberId: string): Unit | undefined {
    const m = this.members.get(memberId);
    return m ? this.unit(m.unit) : undefined;
  }

  unitExistsIn(unit: Unit, year: AcademicYear): boolean {
    return (!unit.from || compareYears(unit.from, year) <= 0) && (!unit.until || compareYears(year, unit.until) <= 0);
  }

  isMemberOn(member: Member, date: IsoDate): boolean {
    return member.joined <= date && (member.left === undefined || member.left >= date);
  }

  isMemberIn(member: Member, year: AcademicYear): boolean {
    const start = this.requireYearStart();
    return member.joined <= lastDay(year, start) && (member.left === undefined || member.left >= firstDay(year, start));
  }

  yearOf(date: IsoDate): AcademicYear {
    return academicYearOf(date, this.requireYearStart());
  }

  private requireYearStart(): string {
    if (this.yearStart === undefined) throw new Error('community.json has no valid yearStart');
    return this.yearStart;
  }
}
