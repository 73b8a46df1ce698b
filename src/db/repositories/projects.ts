/** The claiming workflow's statements (公益认领): lock and read a project, claim, evaluate, the board. */
import type { NodeLabel } from '../../domain/model.ts';
import type { Tx } from '../database.ts';
import { asNodeOf, type NodeRecord } from './records.ts';

export interface LockedProject {
  project: NodeRecord;
  claimantLabel: NodeLabel | null;
  claimantCommunity: string | null;
  claimed: boolean;
}

export async function lockProject(tx: Tx, projectId: string, claimantId: string | null, now: Date): Promise<LockedProject | null> {
  const row = (await tx.run('projects/lock-project', { projectId, claimantId, now }))[0];
  if (!row) return null;
  return {
    project: asNodeOf('Project', row.project),
    claimantLabel: typeof row.claimantLabel === 'string' ? (row.claimantLabel as NodeLabel) : null,
    claimantCommunity: typeof row.claimantCommunity === 'string' ? row.claimantCommunity : null,
    claimed: row.claimed === true,
  };
}

export async function claimProject(
  tx: Tx,
  label: NodeLabel,
  args: { projectId: string; claimantId: string; claimId: string; at: Date; now: Date; move: boolean; changeId: string; evidence: string },
): Promise<NodeRecord | null> {
  const row = (await tx.run('projects/claim-project', args, { label }))[0];
  return row ? asNodeOf('Project', row.node) : null;
}

export async function evaluateProject(
  tx: Tx,
  args: { projectId: string; rating: number; beneficiaries: number; notes: string | null; at: Date; now: Date; changeId: string; evidence: string },
): Promise<NodeRecord | null> {
  const row = (await tx.run('projects/evaluate-project', args))[0];
  return row ? asNodeOf('Project', row.node) : null;
}

export interface BoardRow {
  id: string;
  name: string;
  status: string;
  createdAt: Date | null;
  endsAt: Date | null;
  statusSince: Date | null;
  claimants: number;
}

export async function listBoard(tx: Tx, communityId: string): Promise<BoardRow[]> {
  const date = (v: unknown) => (v instanceof Date ? v : null);
  return (await tx.run('projects/list-board', { communityId })).map((r) => ({
    id: String(r.id), name: String(r.name ?? ''), status: String(r.status), createdAt: date(r.createdAt), endsAt: date(r.endsAt),
    statusSince: date(r.statusSince), claimants: Number(r.claimants ?? 0),
  }));
}
