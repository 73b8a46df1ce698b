/** Reads of the publicness evaluation (cypher/publicness/), as plain rows. */
import type { Database } from '../database.ts';

export interface Window {
  from: Date;
  to: Date;
}

export interface AttenderRow {
  id: string;
  public: boolean;
  partner: boolean;
}

export interface ContributionRow {
  contributor: string;
  label: 'Partner' | 'Organization' | 'Resident';
  kind: string;
  amount: number;
}

/** Residents who attended a public or a partner's activity in the window. */
export async function listAttenders(db: Database, communityId: string, window: Window, publicKinds: readonly string[]): Promise<AttenderRow[]> {
  const rows = await db.read((tx) => tx.run('publicness/list-attenders', { communityId, from: window.from, to: window.to, publicKinds: [...publicKinds] }));
  return rows.map((r) => ({ id: String(r.id), public: r.public === true, partner: r.partner === true }));
}

/** Contributions to the community's funds in the window, per contributor and kind. */
export async function sumContributions(db: Database, communityId: string, window: Window): Promise<ContributionRow[]> {
  const rows = await db.read((tx) => tx.run('publicness/sum-contributions', { communityId, from: window.from, to: window.to }));
  return rows.map((r) => ({ contributor: String(r.contributor), label: String(r.label) as ContributionRow['label'], kind: String(r.kind), amount: Number(r.amount) }));
}

export type ScopeLabel = 'Organization' | 'Partner';

export interface ReachedRow {
  scope: string;
  id: string;
  volunteered: boolean;
  member: boolean;
}

export interface ProjectRow {
  scope: string;
  id: string;
  addresses: boolean;
}

/** Residents that the organisations' or partners' activities reached in the window. */
export async function listReached(db: Database, label: ScopeLabel, communityId: string, scopeIds: readonly string[], window: Window): Promise<ReachedRow[]> {
  const rows = await db.read((tx) => tx.run('publicness/list-reached', { communityId, scopeIds: [...scopeIds], from: window.from, to: window.to }, { label }));
  return rows.map((r) => ({ scope: String(r.scope), id: String(r.id), volunteered: r.volunteered === true, member: r.member === true }));
}

/** The projects the organisations or partners ran or claimed in the window. */
export async function listProjects(db: Database, label: ScopeLabel, communityId: string, scopeIds: readonly string[], window: Window): Promise<ProjectRow[]> {
  const rows = await db.read((tx) => tx.run('publicness/list-projects', { communityId, scopeIds: [...scopeIds], from: window.from, to: window.to }, { label }));
  return rows.map((r) => ({ scope: String(r.scope), id: String(r.id), addresses: r.addresses === true }));
}
