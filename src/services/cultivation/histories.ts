/**
 * The stage histories of a community's nodes for one staged field, read once per (community,
 * subject, data version) and kept as typed arrays (src/analytics/cultivation/histories.ts) in an
 * LRU cache like the network projections (src/services/analytics/network.ts): every window and
 * grouping of the same subject reads the same arrays. A write in this process moves the data version
 * and so invalidates them; another process's writes are seen once an entry is older than the
 * settings' cacheSeconds.
 */
import { packHistories, type HistoryArrays, type HistoryInput } from '../../analytics/cultivation/histories.ts';
import type { Database } from '../../db/database.ts';
import { streamHistories } from '../../db/repositories/cultivation.ts';
import type { Plain } from '../../domain/records.ts';
import type { ServiceContext } from '../context.ts';
import { projectionCache } from './cache.ts';
import { SUBJECTS, type StageSubject } from './subjects.ts';

/** Resident properties the funnel can group by, read with the histories. */
export const RESIDENT_GROUP_FIELDS = ['housingArea', 'housingType', 'building', 'partyMember', 'householdRegistered', 'buildingHead'] as const;
export type ResidentGroupField = (typeof RESIDENT_GROUP_FIELDS)[number];

export interface ProjectedHistories {
  histories: HistoryArrays;
  /** For residents: RESIDENT_GROUP_FIELDS values per node, by field; empty for other subjects. */
  attributes: Partial<Record<ResidentGroupField, Plain[]>>;
  /** Nodes left out because a stored stage is not a term of the vocabulary. */
  unreadable: number;
}

async function read(db: Database, communityId: string, subject: StageSubject): Promise<ProjectedHistories> {
  const { label, field, order } = SUBJECTS[subject];
  const fields = label === 'Resident' ? RESIDENT_GROUP_FIELDS : [];
  const index = new Map(order.stages.map((s, i) => [s, i]));
  const inputs: HistoryInput[] = [];
  const values: Plain[][] = fields.map(() => []);
  let unreadable = 0;
  await streamHistories(db, communityId, label, field, fields, (rows) => {
    for (const row of rows) {
      const first = row.changes[0]?.from ?? row.current;
      const initial = index.get(String(first));
      const changes = row.changes.map((c) => ({ to: index.get(String(c.to)) ?? -1, at: c.at }));
      if (initial === undefined || changes.some((c) => c.to < 0)) {
        unreadable += 1;
        continue;
      }
      inputs.push({ id: row.id, createdAt: row.createdAt, endedAt: row.endedAt, initial, changes });
      fields.forEach((_, f) => values[f]!.push(row.values[f] ?? null));
    }
  });
  const attributes = Object.fromEntries(fields.map((f, k) => [f, values[k]!])) as ProjectedHistories['attributes'];
  return { histories: packHistories(inputs, order), attributes, unreadable };
}

const cached = projectionCache<ProjectedHistories>();

export function projectHistories(ctx: ServiceContext, communityId: string, subject: StageSubject): Promise<ProjectedHistories> {
  return cached(ctx, `${communityId}|${subject}`, () => read(ctx.db, communityId, subject));
}
