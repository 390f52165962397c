import { createHash } from 'node:crypto';
import { DEFAULT_PRIVACY } from '../model/community.js';

export interface NewCommunity {
  name: string;
  institution: string;
  yearStart: string;
  timeZone?: string | undefined;
}

/**
 * The files of a new, empty community: who it is, one example aim and theme to rename, an
 * example team entry, the default privacy settings, no units and no members yet. Every
 * file validates as it is.
 */
export function newCommunityFiles(c: NewCommunity): Map<string, string> {
  const community = {
    name: c.name,
    institution: c.institution,
    yearStart: c.yearStart,
    ...(c.timeZone ? { timeZone: c.timeZone } : {}),
    aims: [{ id: 'share-practice', title: 'Share practice between mentors' }],
    themes: [{ id: 'mentoring-practice', title: 'Mentoring practice', aims: ['share-practice'] }],
    team: [{ id: 'coordinators', name: 'Coordinators' }],
    privacy: { ...DEFAULT_PRIVACY },
  };
  return new Map([
    ['data/community.json', `${JSON.stringify(community, null, 2)}\n`],
    ['data/units.json', '[]\n'],
    ['data/members.json', '[]\n'],
    ['minutes/.gitkeep', ''],
    ['surveys/.gitkeep', ''],
  ]);
}

/** The folders that hold a community's records: what `init` writes, and what `--replace-sample` replaces. */
export const RECORD_FOLDERS = ['data', 'minutes', 'surveys', 'meetings', 'narrative'] as const;

/**
 * The manifest of this template's sample records: the files `init --replace-sample` may replace, each with its SHA-256.
 */
export const SAMPLE_MANIFEST = '.cop-sample.json';

export interface SampleManifest {
  note: string;
  files: Record<string, string>;
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

export function manifestText(files: ReadonlyMap<string, Uint8Array | string>): string {
  const manifest: SampleManifest = {
    note:
      'The sample records this template ships, by SHA-256: "cop init --replace-sample" replaces them only ' +
      'while every one is unchanged. Delete this file to keep the sample as your own records.',
    files: Object.fromEntries(
      [...files].map(([path, bytes]) => [path, sha256(bytes)]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)),
    ),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** How the records differ from the sample's manifest: files changed, added or removed since. */
export function sampleDifferences(manifest: SampleManifest, files: ReadonlyMap<string, Uint8Array | string>): string[] {
  const out: string[] = [];
  for (const [path, hash] of Object.entries(manifest.files)) {
    const now = files.get(path);
    if (now === undefined) out.push(`${path} was removed`);
    else if (sha256(now) !== hash) out.push(`${path} was changed`);
  }
  for (const path of files.keys()) if (!Object.hasOwn(manifest.files, path)) out.push(`${path} was added`);
  return out.sort();
}
