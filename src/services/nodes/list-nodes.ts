/** A Relay connection over the nodes of one label, filtered and scoped to the caller's communities. */
import { NODE_SPECS, type NodeLabel, type PropSpec } from '../../domain/model.ts';
import { badInput, forbidden } from '../../domain/errors.ts';
import { seesPseudonymsOnly } from '../../domain/permissions.ts';
import { nodeTreatment } from '../../domain/pseudonymise-policy.ts';
import { countNodes, listNodes as query, type ListQuery } from '../../db/repositories/nodes.ts';
import type { NodeRecord } from '../../db/repositories/records.ts';
import type { ServiceContext } from '../context.ts';
import { visibleCommunities } from '../guard.ts';
import { shapeNode } from '../shape.ts';

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** A function so that the count runs only when the client asks for it. */
  totalCount: () => Promise<number>;
}

export const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!id || encodeCursor(id) !== cursor) throw badInput('after: not a cursor returned by this API / 无效的游标', ['after']);
  return id;
}

export function buildListQuery(ctx: ServiceContext, label: NodeLabel, filter: Record<string, unknown> | null | undefined): ListQuery {
  const f = filter ?? {};
  // Searching a pseudonymised name (a resident's, an individual partner's) would link a pseudonym back to it.
  if (typeof f.search === 'string' && f.search.length > 0 && nodeTreatment(label, NODE_SPECS[label].searchProp) === 'pseudonymise' && seesPseudonymsOnly(ctx.principal)) {
    throw forbidden(label === 'Resident' ? 'Researchers cannot search residents by name / 研究者不能按姓名搜索居民' : `Researchers cannot search ${NODE_SPECS[label].plural} by name / 研究者不能按名称搜索${NODE_SPECS[label].zh}`);
  }
  const q: ListQuery = {
    communityIds: visibleCommunities(ctx.principal, f.communityIds as string[] | null | undefined),
    in: [], eq: [], ranges: [],
    searchKey: NODE_SPECS[label].searchProp,
    search: typeof f.search === 'string' && f.search.length > 0 ? f.search.toLowerCase() : null,
    after: null,
    limit: 0,
  };
  const range = (key: string, from: unknown, to: unknown) => {
    if (from != null || to != null) q.ranges.push({ key, from: (from as Date | null) ?? null, to: (to as Date | null) ?? null });
  };
  range('createdAt', f.createdFrom, f.createdTo);
  for (const [name, p] of Object.entries(NODE_SPECS[label].props as Record<string, PropSpec>)) {
    const v = f[name];
    if (p.type.kind === 'enum' && Array.isArray(v) && v.length > 0) q.in.push({ key: name, values: v });
    if (p.type.kind === 'boolean' && typeof v === 'boolean') q.eq.push({ key: name, value: v });
    if (p.type.kind === 'datetime') range(name, f[`${name}From`], f[`${name}To`]);
  }
  return q;
}

export async function listNodes(
  ctx: ServiceContext,
  label: NodeLabel,
  args: { first?: number | null; after?: string | null; filter?: Record<string, unknown> | null },
): Promise<Connection<NodeRecord>> {
  const base = buildListQuery(ctx, label, args.filter);
  const first = args.first ?? 20;
  const q = { ...base, after: args.after ? decodeCursor(args.after) : null, limit: first + 1 };
  const rows = first === 0 ? [] : await ctx.db.read((tx) => query(tx, label, q));
  const page = rows.slice(0, first).map((n) => shapeNode(ctx, n));
  return {
    edges: page.map((node) => ({ cursor: encodeCursor(node.id), node })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length > 0 ? encodeCursor(page[page.length - 1]!.id) : null },
    totalCount: () => ctx.db.read((tx) => countNodes(tx, label, base)),
  };
}
