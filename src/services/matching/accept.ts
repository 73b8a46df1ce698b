/**
 * acceptMatch: a proposal becomes a project of the joint conference in one write transaction —
 * in the conference's project pool, ADDRESSES the need and USES the resource with the agreed
 * quantity, claimed by the owning organisations and residents and run by the owning partners.
 * Idempotent on the caller's project id: the same accept again returns the project it made. The
 * entries are locked before their remaining capacity is read (cypher/matching/lock-pair), so of two
 * accepts of the last unit exactly one succeeds and the other is a CONFLICT. Nothing is written when
 * any check fails.
 */
import { categoryTable, DEFAULT_RELATED_CATEGORIES, ineligibility } from '../../analytics/matching/eligibility.ts';
import { createMatchProject, lockPair, type LockedPair } from '../../db/repositories/matching.ts';
import type { NodeRecord } from '../../db/repositories/records.ts';
import { badInput, ReweaveError } from '../../domain/errors.ts';
import type { TermOf } from '../../domain/vocabulary.ts';
import type { ServiceContext } from '../context.ts';
import { idTaken, requireRole, requireScope } from '../guard.ts';
import { newId } from '../ids.ts';
import { shapeNode } from '../shape.ts';
import { entryOf } from './proposals.ts';

export interface AcceptMatchInput {
  id: string;
  conferenceId: string;
  resourceId: string;
  needId: string;
  quantity: number;
  name?: string | null;
  leveragePoint?: TermOf<'LeveragePoint'> | null;
  description?: string | null;
  at?: Date | null;
}

export interface AcceptMatchOutcome {
  project: NodeRecord;
  /** False when the project with this id was made by an earlier, identical accept. */
  created: boolean;
}

const fits = categoryTable(DEFAULT_RELATED_CATEGORIES);
const EPS = 1e-9;

const INELIGIBLE = {
  CATEGORY: 'the resource’s category does not serve the need’s / 资源类别与需求类别不相符',
  VALIDITY: 'their validity windows do not overlap / 二者有效期不重叠',
  SAME_OWNER: 'the resource and the need have the same owner / 资源与需求属于同一方',
} as const;

function poolRow(kind: 'Resource' | 'Need', props: Record<string, unknown>, owners: { id: string }[], used: number[]) {
  const date = (v: unknown) => (v instanceof Date ? v : null);
  return entryOf({
    kind, id: String(props.id), name: String(props.name ?? ''), category: String(props.category ?? ''),
    tags: Array.isArray(props.tags) ? props.tags.map(String) : [], quantity: typeof props.quantity === 'number' ? props.quantity : null,
    unit: typeof props.unit === 'string' ? props.unit : null, urgency: typeof props.urgency === 'number' ? props.urgency : null,
    validFrom: date(props.validFrom), validUntil: date(props.validUntil), owners: owners.map((o) => o.id), used,
  });
}

/** The checks of an accept on the locked pair; throws with the failing field, writes nothing. */
function check(ctx: ServiceContext, input: AcceptMatchInput, pair: LockedPair): { communityId: string } {
  if (pair.conferenceCommunity === null) throw badInput(`unknown joint conference ${input.conferenceId} / 未知的党组织联席会`, ['input', 'conferenceId']);
  requireScope(ctx.principal, pair.conferenceCommunity);
  if (!pair.resourceInPool) throw badInput(`resource ${input.resourceId} is not in this conference's pool at that date / 该资源当时不在联席会资源池中`, ['input', 'resourceId']);
  if (!pair.needInPool) throw badInput(`need ${input.needId} is not in this conference's pool at that date / 该需求当时不在联席会需求池中`, ['input', 'needId']);
  const resource = poolRow('Resource', pair.resource, pair.resourceOwners, pair.resourceUsed);
  const need = poolRow('Need', pair.need, pair.needOwners, pair.needUsed);
  const why = ineligibility(resource, need, fits);
  if (why !== null) throw badInput(`the pair is not eligible: ${INELIGIBLE[why]}`, ['input', 'needId'], { ineligibility: why });
  if (input.quantity > resource.quantity + EPS) {
    throw new ReweaveError('CONFLICT', `only ${resource.quantity} of the resource is left; ${input.quantity} asked / 资源仅剩 ${resource.quantity}，请求 ${input.quantity}`, { path: ['input', 'quantity'], left: resource.quantity });
  }
  if (input.quantity > need.quantity + EPS) {
    throw new ReweaveError('CONFLICT', `only ${need.quantity} of the need is still unmet; ${input.quantity} offered / 需求仅余 ${need.quantity} 未满足，拟提供 ${input.quantity}`, { path: ['input', 'quantity'], left: need.quantity });
  }
  return { communityId: pair.conferenceCommunity };
}

export async function acceptMatch(ctx: ServiceContext, input: AcceptMatchInput): Promise<AcceptMatchOutcome> {
  const p = ctx.principal;
  requireRole(p.role === 'ADMIN' || p.role === 'COORDINATOR', p, 'accept a match');
  const outcome = await ctx.db.write(async (tx) => {
    const now = ctx.now();
    const at = input.at ?? now;
    const pair = await lockPair(tx, { conferenceId: input.conferenceId, resourceId: input.resourceId, needId: input.needId, projectId: input.id, at, now });
    if (!pair) throw badInput(`resource ${input.resourceId} or need ${input.needId} not found / 资源或需求不存在`, ['input', 'resourceId']);
    if (pair.existing) {
      const same = pair.existingResources.includes(input.resourceId) && pair.existingNeeds.includes(input.needId);
      if (!same) throw idTaken('Project', input.id);
      requireScope(p, pair.existing.communityId);
      return { project: pair.existing, created: false };
    }
    const { communityId } = check(ctx, input, pair);
    const owners = [...pair.resourceOwners, ...pair.needOwners];
    const unique = (label: string[]) => [...new Set(owners.filter((o) => label.includes(o.label)).map((o) => o.id))].sort();
    const project = await createMatchProject(tx, {
      project: {
        id: input.id, communityId, name: input.name ?? String(pair.need.name ?? input.needId), leveragePoint: input.leveragePoint ?? 'SERVICE_NEEDS',
        description: input.description ?? null,
      },
      conferenceId: input.conferenceId, resourceId: input.resourceId, needId: input.needId, quantity: input.quantity, at, now,
      changeId: newId('change'), evidence: 'accepted match at the joint conference / 联席会议确认匹配', claimants: unique(['Organization', 'Resident']), runners: unique(['Partner']),
    });
    if (!project) throw new ReweaveError('CONFLICT', 'the conference, resource or need changed meanwhile; try again / 数据已变更，请重试');
    return { project, created: true };
  });
  return { project: shapeNode(ctx, outcome.project), created: outcome.created };
}
