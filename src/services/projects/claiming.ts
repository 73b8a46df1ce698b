/**
 * The public-welfare claiming workflow (公益认领, seeds/004: needs collected, published, claimed at a
 * meeting, delivered, evaluated) over Project.status COLLECTED → PUBLISHED → CLAIMED → IN_PROGRESS →
 * EVALUATED. claimProject records a claim and moves a published project to CLAIMED in one
 * transaction (later claimants of a claimed or running project add their claim only);
 * evaluateProject closes a project in progress with its rating, beneficiaries and notes; the board
 * lists projects by status with the days each has spent in it and the flags a coordinator acts on.
 * Other moves go through the generic transition mutation.
 */
import { claimProject as writeClaim, evaluateProject as writeEvaluation, listBoard, lockProject } from '../../db/repositories/projects.ts';
import { getNodes } from '../../db/repositories/nodes.ts';
import type { NodeRecord } from '../../db/repositories/records.ts';
import { badInput, notFound, ReweaveError } from '../../domain/errors.ts';
import type { ProjectStatus } from '../../domain/vocabulary.ts';
import type { ServiceContext } from '../context.ts';
import { requireRole, requireScope } from '../guard.ts';
import { newId } from '../ids.ts';
import { shapeNode } from '../shape.ts';

const DAY_MS = 86_400_000;
/** A project published this many days without a claimant is flagged (configurable per request). */
export const DEFAULT_STALE_DAYS = 30;

/** Claims may join a project that is published, claimed already or running. */
const CLAIMABLE: readonly ProjectStatus[] = ['PUBLISHED', 'CLAIMED', 'IN_PROGRESS'];

export async function claimProject(ctx: ServiceContext, input: { projectId: string; claimantId: string; at?: Date | null }): Promise<NodeRecord> {
  const p = ctx.principal;
  requireRole(p.role === 'ADMIN' || p.role === 'COORDINATOR', p, 'claim a project');
  const node = await ctx.db.write(async (tx) => {
    const now = ctx.now();
    const at = input.at ?? now;
    const locked = await lockProject(tx, input.projectId, input.claimantId, now);
    if (!locked || !coversScope(ctx, locked.project.communityId)) throw notFound('Project', input.projectId, ['input', 'projectId']);
    const status = String(locked.project.status ?? 'COLLECTED') as ProjectStatus;
    if (!CLAIMABLE.includes(status)) {
      throw badInput(`project ${input.projectId} is ${status}: only a published project can be claimed / 项目状态为 ${status}，只有已发布的项目可以认领`, ['input', 'projectId'], { status });
    }
    if (!locked.claimantLabel || locked.claimantCommunity !== locked.project.communityId) {
      throw badInput(`claimant ${input.claimantId} is no organisation, resident or partner of the project's community / 认领方不是本社区的组织、居民或合伙人`, ['input', 'claimantId']);
    }
    if (locked.claimed) throw new ReweaveError('CONFLICT', `${input.claimantId} has claimed this project already / 该认领方已认领此项目`, { path: ['input', 'claimantId'] });
    const project = await writeClaim(tx, locked.claimantLabel, {
      projectId: input.projectId, claimantId: input.claimantId, claimId: newId('CLAIMED'), at, now,
      move: status === 'PUBLISHED', changeId: newId('change'), evidence: 'claimed / 公益认领',
    });
    if (!project) throw new ReweaveError('CONFLICT', 'the project or claimant changed meanwhile; try again / 数据已变更，请重试');
    return project;
  });
  return shapeNode(ctx, node);
}

function coversScope(ctx: ServiceContext, communityId: string): boolean {
  try {
    requireScope(ctx.principal, communityId);
    return true;
  } catch {
    return false;
  }
}

export interface EvaluationInput {
  projectId: string;
  rating: number;
  beneficiaries: number;
  notes?: string | null;
  at?: Date | null;
}

export async function evaluateProject(ctx: ServiceContext, input: EvaluationInput): Promise<NodeRecord> {
  const p = ctx.principal;
  requireRole(p.role === 'ADMIN' || p.role === 'COORDINATOR' || p.role === 'EVALUATOR', p, 'evaluate a project');
  const node = await ctx.db.write(async (tx) => {
    const now = ctx.now();
    const locked = await lockProject(tx, input.projectId, null, now);
    if (!locked || !coversScope(ctx, locked.project.communityId)) throw notFound('Project', input.projectId, ['input', 'projectId']);
    const status = String(locked.project.status ?? 'COLLECTED');
    if (status !== 'IN_PROGRESS') {
      throw badInput(`project ${input.projectId} is ${status}: only a project in progress can be evaluated / 项目状态为 ${status}，只有实施中的项目可以评估`, ['input', 'projectId'], { status });
    }
    const project = await writeEvaluation(tx, {
      projectId: input.projectId, rating: input.rating, beneficiaries: input.beneficiaries, notes: input.notes ?? null,
      at: input.at ?? now, now, changeId: newId('change'), evidence: 'evaluated / 项目评估',
    });
    if (!project) throw new ReweaveError('CONFLICT', 'the project changed meanwhile; try again / 数据已变更，请重试');
    return project;
  });
  return shapeNode(ctx, node);
}

export type BoardFlag = 'UNCLAIMED' | 'OVERDUE';

export interface BoardEntry {
  projectId: string;
  name: string;
  status: string;
  /** Since the latest status change (or the project's creation when none is recorded). */
  since: Date | null;
  daysInStatus: number | null;
  claimants: number;
  flags: BoardFlag[];
}

export async function claimingBoard(ctx: ServiceContext, request: { communityId: string; staleDays?: number | null; asOf?: Date | null }): Promise<{ communityId: string; asOf: Date; staleDays: number; columns: { status: string; projects: BoardEntry[] }[] }> {
  requireScope(ctx.principal, request.communityId);
  const community = await ctx.db.read((tx) => getNodes(tx, 'Community', [request.communityId]));
  if (community.length === 0) throw notFound('Community', request.communityId, ['communityId']);
  const asOf = request.asOf ?? ctx.now();
  const staleDays = request.staleDays ?? DEFAULT_STALE_DAYS;
  const rows = await ctx.db.read((tx) => listBoard(tx, request.communityId));
  const statuses: ProjectStatus[] = ['COLLECTED', 'PUBLISHED', 'CLAIMED', 'IN_PROGRESS', 'EVALUATED'];
  const columns = statuses.map((status) => ({ status, projects: [] as BoardEntry[] }));
  for (const r of rows) {
    const since = r.statusSince ?? r.createdAt;
    const days = since ? Math.floor((asOf.getTime() - since.getTime()) / DAY_MS) : null;
    const flags: BoardFlag[] = [];
    if (r.status === 'PUBLISHED' && r.claimants === 0 && days !== null && days > staleDays) flags.push('UNCLAIMED');
    if (r.status === 'IN_PROGRESS' && r.endsAt && r.endsAt.getTime() < asOf.getTime()) flags.push('OVERDUE');
    const column = columns.find((c) => c.status === r.status) ?? columns[0]!;
    column.projects.push({ projectId: r.id, name: r.name, status: r.status, since, daysInStatus: days, claimants: r.claimants, flags });
  }
  for (const c of columns) c.projects.sort((a, b) => b.flags.length - a.flags.length || (b.daysInStatus ?? 0) - (a.daysInStatus ?? 0) || (a.projectId < b.projectId ? -1 : 1));
  return { communityId: request.communityId, asOf, staleDays, columns };
}
