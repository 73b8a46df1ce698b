/**
 * Checks a row's own id against what is already stored under it. An import row with a stored id
 * updates that node or relationship, so the row may only name one that it would leave where it is:
 * a node in the row's own community (an import never moves a node between communities), a
 * relationship between the row's own ends, a state change of the row's own node — and in every case
 * within the caller's communities. A stored id outside them is answered without naming its
 * community or anything stored (it is "in use", as for a create). Within them, the row's times are
 * judged with the stored ones it leaves in place: an endedAt before the stored createdAt is refused
 * here, with the row's file, line and column, rather than stored running backwards.
 */
import type { Database } from '../../db/database.ts';
import { findNodes, findRels, type StoredRel } from '../../db/repositories/import.ts';
import { storedOrderProblems } from '../../domain/storable.ts';
import { REL_SPECS, type NodeLabel } from '../../domain/model.ts';
import type { FileSpec } from '../../interchange/columns.ts';
import type { Values } from '../../interchange/validate.ts';
import { idInUse } from '../guard.ts';

export interface IdProblem {
  column: string;
  reason: string;
}

const inUse = (id: string): IdProblem => ({
  column: 'id',
  reason: idInUse(id),
});

const sameLabel = (stored: readonly string[], wanted: readonly NodeLabel[]) => stored.some((l) => (wanted as readonly string[]).includes(l));

/** One problem (or null) per row, in order. Without a database (an offline load into an empty store) nothing is stored. */
export async function storedIdProblems(
  db: Database | null,
  spec: FileSpec,
  rows: readonly Values[],
  inScope: (communityId: string) => boolean,
): Promise<(IdProblem | null)[]> {
  if (!db || rows.length === 0) return rows.map(() => null);
  const ids = rows.map((v) => String(v.id));
  if (spec.kind === 'node') {
    const stored = await db.read((tx) => findNodes(tx, spec.label, ids));
    return rows.map((v) => {
      const id = String(v.id);
      const node = stored.get(id);
      if (node === undefined) return null;
      // A community is its own community. Outside the caller's scope the row is refused for that
      // (validate-dataset.ts), and nothing stored there may show in the answer.
      const isCommunity = spec.label === 'Community';
      const community = isCommunity ? id : node.communityId;
      if (community === (isCommunity ? id : String(v.communityId))) return inScope(community) ? timesProblem(v, node.times) : null;
      if (!inScope(community)) return inUse(id);
      return {
        column: 'communityId',
        reason: `${spec.label} "${id}" belongs to community ${community}; an import does not move nodes between communities / 导入不会把节点移到另一个社区（现属 ${community}）`,
      };
    });
  }
  const type = spec.kind === 'rel' ? REL_SPECS[spec.rel].type : 'CHANGED';
  const stored = await db.read((tx) => findRels(tx, type, ids));
  return rows.map((v) => {
    const id = String(v.id);
    const rel = stored.get(id);
    if (!rel) return null;
    return spec.kind === 'rel' ? relProblem(id, rel, v, REL_SPECS[spec.rel], inScope) : changeProblem(id, rel, v, inScope);
  });
}

/** The row's times against the stored ones it leaves in place (an endedAt before the stored createdAt). */
function timesProblem(v: Values, stored: Readonly<Record<string, unknown>>): IdProblem | null {
  const problem = storedOrderProblems(v, stored)[0];
  return problem ? { column: problem.field, reason: problem.reason } : null;
}

function relProblem(id: string, rel: StoredRel, v: Values, r: (typeof REL_SPECS)[keyof typeof REL_SPECS], inScope: (c: string) => boolean): IdProblem | null {
  if (!inScope(rel.fromCommunity) || !inScope(rel.toCommunity)) return inUse(id);
  if (rel.fromId === String(v.from) && rel.toId === String(v.to) && sameLabel(rel.fromLabels, r.from) && sameLabel(rel.toLabels, r.to)) return timesProblem(v, rel.times);
  return {
    column: 'id',
    reason: `relationship "${id}" already joins ${rel.fromId} → ${rel.toId}; an import does not move a relationship to other ends / 该关系已连接 ${rel.fromId} → ${rel.toId}，导入不会改变关系的两端`,
  };
}

function changeProblem(id: string, rel: StoredRel, v: Values, inScope: (c: string) => boolean): IdProblem | null {
  if (!inScope(rel.fromCommunity)) return inUse(id);
  if (rel.fromId === String(v.nodeId) && rel.fromLabels.includes(String(v.label))) return null;
  return {
    column: 'id',
    reason: `state change "${id}" already belongs to ${rel.fromId}; an import does not move a change to another node / 该状态变更属于 ${rel.fromId}，导入不会改变其所属节点`,
  };
}
