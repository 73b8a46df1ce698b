/**
 * Per-request batching: every nested field (a page of residents' memberships, their organisations, …)
 * is collected by a DataLoader and fetched with one statement, so a page costs a fixed number of
 * round trips whatever its size. Nodes outside the caller's communities are dropped here.
 */
import DataLoader from 'dataloader';
import { forbidden } from '../domain/errors.ts';
import { inScope, mayReadIdentity } from '../domain/permissions.ts';
import type { NodeLabel, RelKind } from '../domain/model.ts';
import { getHistory, getNodes, type StateChange } from '../db/repositories/nodes.ts';
import { listEdges, type EdgeRow } from '../db/repositories/rels.ts';
import { getIdentities } from '../db/repositories/identity.ts';
import type { NodeRecord, Props } from '../db/repositories/records.ts';
import type { ServiceContext } from './context.ts';
import { shapeChange, shapeNode, shapeRel } from './shape.ts';

export class Loaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly ctx: ServiceContext) {}

  private get<V>(key: string, batch: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.loaders.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  private visible = (node: NodeRecord) => inScope(this.ctx.principal, node.communityId);

  /**
   * A node by id; null when unknown or when it lies outside the caller's communities — the same
   * answer, so that reading by id cannot tell which ids exist elsewhere.
   */
  async node(label: NodeLabel, id: string): Promise<NodeRecord | null> {
    const node = await this.get<NodeRecord | null>(`node:${label}`, async (ids) => {
      const found = await this.ctx.db.read((tx) => getNodes(tx, label, ids));
      const byId = new Map(found.map((n) => [n.id, shapeNode(this.ctx, n)]));
      return ids.map((id) => byId.get(id) ?? null);
    }).load(id);
    return node && this.visible(node) ? node : null;
  }

  /** Prime the node cache with nodes that arrived with an edge, so resolving them costs nothing. */
  prime(node: NodeRecord): void {
    this.loaders.get(`node:${node._label}`)?.prime(node.id, node);
  }

  async edges(kind: RelKind, direction: 'out' | 'in', label: NodeLabel, id: string): Promise<EdgeRow[]> {
    const rows = await this.get<EdgeRow[]>(`edges:${kind}:${direction}:${label}`, async (ids) => {
      const found = await this.ctx.db.read((tx) => listEdges(tx, kind, direction, label, ids));
      const byKey = new Map<string, EdgeRow[]>(ids.map((k) => [k, []]));
      for (const row of found) {
        if (!this.visible(row.node)) continue;
        byKey.get(row.key)?.push({ ...row, rel: shapeRel(this.ctx, row.rel), node: shapeNode(this.ctx, row.node) });
      }
      return ids.map((k) => byKey.get(k) ?? []);
    }).load(id);
    return rows;
  }

  history(label: NodeLabel, id: string): Promise<StateChange[]> {
    return this.get<StateChange[]>(`history:${label}`, async (ids) => {
      const rows = await this.ctx.db.read((tx) => getHistory(tx, label, ids));
      const byKey = new Map<string, StateChange[]>(ids.map((k) => [k, []]));
      for (const row of rows) byKey.get(row.key)?.push(shapeChange(this.ctx, row.change));
      return ids.map((k) => byKey.get(k) ?? []);
    }).load(id);
  }

  /** Identifying details: only ADMIN and ANALYST (scope was checked when the resident was read). */
  async identity(residentId: string): Promise<Props | null> {
    if (!mayReadIdentity(this.ctx.principal)) {
      throw forbidden(`Role ${this.ctx.principal.role} may not read identifying details / 无权查看身份信息`);
    }
    return this.get<Props | null>('identity', async (ids) => {
      const found = await this.ctx.db.read((tx) => getIdentities(tx, ids));
      return ids.map((id) => found.get(id) ?? null);
    }).load(residentId);
  }
}
