/**
 * The pinned demo (end 2025-12-31, the default) is the one every test number, bench figure and
 * README example was made with. Its rows are checked against the digests taken before the calendar
 * became a parameter: every file is the same, count for count and byte for byte, except the three
 * that two festivals touch — the 2025 Dragon Boat and Mid-Autumn events now fall on their dates
 * (2025-05-31 and 2025-10-06) instead of the day before, as the old fixed day numbers had them. That
 * moves the two Activity rows and their HOSTING rows, and reorders the activities of those days, so
 * later attendance is drawn in another order: same number of ATTENDANCE rows, other attendees.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoOptions } from '../../../src/demo/generate.ts';

/** file → [rows, sha256 prefix before the change, sha256 prefix now when it differs]. */
const BEFORE: Record<string, [number, string, string?]> = {
  Community: [1, 'ac32a1ffa5041e92'],
  Resident: [2000, 'e4aa2b3cb6b4e116'],
  Organization: [23, '415d81808cfcff23'],
  PartyBranch: [10, '0c4d78e996c2924e'],
  JointConference: [1, '93f950d8e93042d9'],
  Partner: [12, '62a0d58eb522fe74'],
  Fund: [1, '2c2507f79c0c2a14'],
  Space: [6, '2314276888296546'],
  Resource: [18, 'ae10ed6b90cd1791'],
  Need: [24, 'c2aab0ef5ee75cbd'],
  Project: [12, '04ff3d5eb32cc906'],
  Activity: [1630, '3edc14f15c2e646b', '06c4dd3eedbbaaa7'],
  CONFERENCE_MEMBERSHIP: [10, '5dce13adbee3c9a9'],
  BRANCH_AFFILIATION: [165, '1285110333fb7f22'],
  MEMBERSHIP: [479, 'cba06505f11f1d80'],
  BACKING: [12, '5d6efa7382f3eea0'],
  OFFER: [24, 'a7a90ce3c11af840'],
  NEED_OWNER: [24, '39a3941c63458489'],
  POOL_ENTRY: [54, '06c15747838fe1d2'],
  CLAIM: [13, '7418a0eb036b9521'],
  PROJECT_RUN: [2, 'c07f10380732d58b'],
  NEED_ADDRESSED: [7, '99bb1a0d83788eac'],
  RESOURCE_USE: [8, '0a49d099f7b9ac44'],
  HOSTING: [1646, '3f337b32e0acbd7b', '4d1c354cc9cb3d9d'],
  ACTIVITY_OF_PROJECT: [72, 'b9a9b166d0c0f0f4'],
  ATTENDANCE: [26161, 'f65d25c60f9962cc', 'e23a48d9037e2711'],
  ACQUAINTANCE: [6723, 'a6c3fd918d84ef7a'],
  EXCHANGE: [818, 'f25c076dcfeddf56'],
  CONTRIBUTION: [74, 'b41fdbf6fb1caf60'],
  STATE_CHANGE: [293, '891f534cbd062690'],
};
const ALL = 'f6d09b232b0f5e865c44df67a7582f6cc5f24f81ca689211d7b2d130ee80810d';

interface Digest {
  all: string;
  files: Map<string, { rows: number; sha: string }>;
}

async function digest(options: DemoOptions): Promise<Digest> {
  const all = createHash('sha256');
  const hashes = new Map<string, { rows: number; hash: ReturnType<typeof createHash> }>();
  await generateDemo(options, async (file, row) => {
    const line = `${file}\t${JSON.stringify(row)}\n`;
    all.update(line);
    let h = hashes.get(file);
    if (!h) hashes.set(file, (h = { rows: 0, hash: createHash('sha256') }));
    h.rows++;
    h.hash.update(line);
  });
  const files = new Map([...hashes].map(([f, h]) => [f, { rows: h.rows, sha: h.hash.digest('hex').slice(0, 16) }]));
  return { all: all.digest('hex'), files };
}

let pinned: Digest;
beforeAll(async () => {
  pinned = await digest({ preset: 'small' });
});

describe('the pinned small demo', () => {
  it('has the same files and row counts as before the calendar became a parameter', () => {
    expect(Object.fromEntries([...pinned.files].map(([f, d]) => [f, d.rows]))).toEqual(Object.fromEntries(Object.entries(BEFORE).map(([f, [n]]) => [f, n])));
  });

  it('is byte-identical to before in every file but the three the two corrected festival dates touch', () => {
    const changed = Object.entries(BEFORE).filter(([, [, , now]]) => now !== undefined).map(([f]) => f);
    expect(changed).toEqual(['Activity', 'HOSTING', 'ATTENDANCE']);
    for (const [file, [, before, now]] of Object.entries(BEFORE)) expect({ file, sha: pinned.files.get(file)!.sha }).toEqual({ file, sha: now ?? before });
    expect(pinned.all).toBe(ALL);
  });

  it('is what an explicit end of 2025-12-31 gives, and differs from a demo ending another day', async () => {
    expect((await digest({ preset: 'small', end: '2025-12-31' })).all).toBe(ALL);
    expect((await digest({ preset: 'small', end: '2026-12-02' })).all).not.toBe(ALL);
  });
});
