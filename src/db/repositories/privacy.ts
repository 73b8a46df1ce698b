/**
 * Reads for src/services/privacy, a page at a time (key range on id, like ./graph.ts), as plain rows:
 * the quasi-identifiers of every resident of a community (the k-anonymity report), and the residents'
 * ids (the researchers' map of pseudonyms).
 */
import type { Plain } from '../../domain/records.ts';
import type { Database } from '../database.ts';
import { paged, type OnBatch, type PageOptions } from './graph.ts';

/** A resident's quasi-identifiers (the shape src/analytics/privacy reads; db does not import analytics). */
export interface QuasiRow {
  housingArea: string | null;
  housingType: string | null;
  building: string | null;
  partyMember: boolean | null;
  householdRegistered: boolean | null;
  buildingHead: boolean | null;
  stage: string | null;
  skills: string[];
}

const text = (v: Plain | undefined): string | null => (v === null || v === undefined ? null : String(v));
const flag = (v: Plain | undefined): boolean | null => (typeof v === 'boolean' ? v : null);

export async function streamQuasiIdentifiers(db: Database, communityId: string, onBatch: OnBatch<QuasiRow>, options: PageOptions = {}): Promise<void> {
  await paged(db, 'privacy/list-quasi-identifiers', { communityId }, {}, (row) => [{
    housingArea: text(row.housingArea),
    housingType: text(row.housingType),
    building: text(row.building),
    partyMember: flag(row.partyMember),
    householdRegistered: flag(row.householdRegistered),
    buildingHead: flag(row.buildingHead),
    stage: text(row.stage),
    skills: Array.isArray(row.skills) ? row.skills.map(String) : [],
  }], onBatch, options);
}

/** Every resident id of the community, ended residents too. */
export async function streamResidentIds(db: Database, communityId: string, onBatch: OnBatch<string>, options: PageOptions = {}): Promise<void> {
  await paged(db, 'privacy/list-resident-ids', { communityId }, {}, (row) => [String(row.id)], onBatch, options);
}
