/** Reads of the matching: a joint conference, and the pool entries of a conference or a community's time bank. */
import type { Tx } from '../database.ts';
import { asNodeOf, type NodeRecord, type Props } from './records.ts';

export interface ConferenceRow {
  id: string;
  communityId: string;
  name: string;
}

export interface PoolRow {
  kind: 'Resource' | 'Need';
  id: string;
  name: string;
  category: string;
  tags: string[];
  quantity: number | null;
  unit: string | null;
  urgency: number | null;
  validFrom: Date | null;
  validUntil: Date | null;
  owners: string[];
  /** Quantities that projects spanning the date take from it. */
  used: number[];
}

export async function getConference(tx: Tx, conferenceId: string): Promise<ConferenceRow | null> {
  const row = (await tx.run('matching/get-conference', { conferenceId }))[0];
  return row ? { id: String(row.id), communityId: String(row.communityId), name: String(row.name ?? '') } : null;
}

function poolRow(row: Record<string, unknown>): PoolRow {
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const date = (v: unknown) => (v instanceof Date ? v : null);
  return {
    kind: row.kind === 'Resource' ? 'Resource' : 'Need',
    id: String(row.id),
    name: String(row.name ?? ''),
    category: String(row.category ?? ''),
    tags: Array.isArray(row.tags) ? row.tags.map(String) : [],
    quantity: num(row.quantity),
    unit: typeof row.unit === 'string' ? row.unit : null,
    urgency: num(row.urgency),
    validFrom: date(row.validFrom),
    validUntil: date(row.validUntil),
    owners: Array.isArray(row.owners) ? row.owners.map(String) : [],
    used: Array.isArray(row.used) ? row.used.map(Number) : [],
  };
}

export async function listConferencePool(tx: Tx, conferenceId: string, asOf: Date): Promise<PoolRow[]> {
  return (await tx.run('matching/list-conference-pool', { conferenceId, asOf })).map(poolRow);
}

export async function listCommunityOffers(tx: Tx, communityId: string, asOf: Date, categories: readonly string[]): Promise<PoolRow[]> {
  return (await tx.run('matching/list-community-offers', { communityId, asOf, categories: [...categories] })).map(poolRow);
}

export interface Owner {
  id: string;
  label: string;
}

export interface LockedPair {
  resource: Props;
  need: Props;
  /** Null when the conference does not exist. */
  conferenceCommunity: string | null;
  resourceInPool: boolean;
  needInPool: boolean;
  resourceOwners: Owner[];
  needOwners: Owner[];
  resourceUsed: number[];
  needUsed: number[];
  existing: NodeRecord | null;
  existingResources: string[];
  existingNeeds: string[];
}

const owners = (v: unknown): Owner[] => (Array.isArray(v) ? v.map((o) => ({ id: String((o as Props).id), label: String((o as Props).label) })) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** Locks the resource, then the need (see the statement), and reads what an accept decides on; null when either is unknown. */
export async function lockPair(tx: Tx, args: { conferenceId: string; resourceId: string; needId: string; projectId: string; at: Date; now: Date }): Promise<LockedPair | null> {
  const row = (await tx.run('matching/lock-pair', args))[0];
  if (!row) return null;
  return {
    resource: row.resource as Props,
    need: row.need as Props,
    conferenceCommunity: typeof row.conferenceCommunity === 'string' ? row.conferenceCommunity : null,
    resourceInPool: row.resourceInPool === true,
    needInPool: row.needInPool === true,
    resourceOwners: owners(row.resourceOwners),
    needOwners: owners(row.needOwners),
    resourceUsed: Array.isArray(row.resourceUsed) ? row.resourceUsed.map(Number) : [],
    needUsed: Array.isArray(row.needUsed) ? row.needUsed.map(Number) : [],
    existing: row.existing ? asNodeOf('Project', row.existing) : null,
    existingResources: strings(row.existingResources),
    existingNeeds: strings(row.existingNeeds),
  };
}

export interface MatchProject {
  id: string;
  communityId: string;
  name: string;
  leveragePoint: string;
  description: string | null;
}

export async function createMatchProject(
  tx: Tx,
  args: { project: MatchProject; conferenceId: string; resourceId: string; needId: string; quantity: number; at: Date; now: Date; changeId: string; evidence: string; claimants: string[]; runners: string[] },
): Promise<NodeRecord | null> {
  const row = (await tx.run('matching/create-project', { ...args, project: { ...args.project } }))[0];
  return row ? asNodeOf('Project', row.node) : null;
}
