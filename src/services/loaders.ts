/**
 * Per-request batching: every nested field (a page of residents' memberships, their organisations, …)
 * is collected by a DataLoader and fetched with one statement, so a page costs a fixed number of
 * round trips whatever its size. Nodes outside the caller's communities are dropped here.
 */
import DataLoader from 'dataloader';
import { forbidden } from '../domain/errors.ts';
import { inScope, mayReadIdentity } from '../domain/permissions.ts';
import { REL_SPECS, type EdgeField, type NodeLabel, type RelKind } from '../domain/model.ts';
import { getHistory, getNodes, getNodesWithEdges, type StateChange } from '../db/repositories/nodes.ts';
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
   * The read of a batch, together with the same read of other requests in this turn
   * (src/db/coalesce.ts): the rows come unscoped and unshaped, and are scoped and shaped here.
   */
  private shared<R>(key: string, ids: readonly string[], read: (ids: readonly string[]) => Promise<ReadonlyMap<string, R>>): Promise<ReadonlyMap<string, R>> {
    return this.ctx.db.coalesce.read(key, ids, read);
  }

  /**
   * A node by id; null when unknown or when it lies outside the caller's communities — the same
   * answer, so that reading by id cannot tell which ids exist elsewhere.
   */
  async node(label: NodeLabel, id: string): Promise<NodeRecord | null> {
    const node = await this.nodeLoader(label).load(id);
    return node && this.visible(node) ? node : null;
  }

  /** Prime the node cache with nodes that arrived with an edge, so resolving them costs nothing. */
  prime(node: NodeRecord): void {
    this.loaders.get(`node:${node._label}`)?.prime(node.id, node);
  }

  /**
   * A node by id, as node(), with the relationships of `fields` read in the same statement and kept
   * for edges() to answer: what a by-id query asks of its node's relationship fields costs one
   * transaction, not one per field. Fields of the same type and direction after the first are left
   * to edges() (the statement tells relationships apart by type).
   */
  async nodeWith(label: NodeLabel, id: string, fields: readonly EdgeField[]): Promise<NodeRecord | null> {
    const seen = new Set<string>();
    const read = fields.filter((f) => {
      const key = `${REL_SPECS[f.kind].type}:${f.direction}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (read.length === 0) return this.node(label, id);
    const key = read.map((f) => `${f.kind}:${f.direction}`).join(',');
    const node = await this.get<NodeRecord | null>(`node-with:${label}:${key}`, async (ids) => {
      const found = await this.shared(`node-with:${label}:${key}`, ids, async (all) => {
        const rows = await this.ctx.db.read((tx) => getNodesWithEdges(tx, label, all, read));
        return new Map(rows.map((row) => [row.node.id, row]));
      });
      return ids.map((id) => {
        const row = found.get(id);
        if (!row) return null;
        const shaped = shapeNode(this.ctx, row.node);
        this.nodeLoader(label).prime(id, shaped);
        read.forEach((f, i) => {
          const rows = row.edges[i]!.map((e) => ({ key: id, ...e }));
          this.edgeLoader(f.kind, f.direction, label).prime(id, this.shapeEdges(rows));
        });
        return shaped;
      });
    }).load(id);
    return node && this.visible(node) ? node : null;
  }

  async edges(kind: RelKind, direction: 'out' | 'in', label: NodeLabel, id: string): Promise<EdgeRow[]> {
    return this.edgeLoader(kind, direction, label).load(id);
  }

  private nodeLoader(label: NodeLabel): DataLoader<string, NodeRecord | null> {
    return this.get<NodeRecord | null>(`node:${label}`, async (ids) => {
      const found = await this.shared(`node:${label}`, ids, async (all) => {
        const nodes = await this.ctx.db.read((tx) => getNodes(tx, label, all));
        return new Map(nodes.map((n) => [n.id, n]));
      });
      return ids.map((id) => {
        const node = found.get(id);
        return node ? shapeNode(this.ctx, node) : null;
      });
    });
  }

  private edgeLoader(kind: RelKind, direction: 'out' | 'in', label: NodeLabel): DataLoader<string, EdgeRow[]> {
    return this.get<EdgeRow[]>(`edges:${kind}:${direction}:${label}`, async (ids) => {
      const found = await this.shared(`edges:${kind}:${direction}:${label}`, ids, async (all) => {
        const rows = await this.ctx.db.read((tx) => listEdges(tx, kind, direction, label, all));
        const byKey = new Map<string, EdgeRow[]>();
        for (const row of rows) {
          const list = byKey.get(row.key);
          if (list) list.push(row);
          else byKey.set(row.key, [row]);
        }
        return byKey;
      });
      return ids.map((k) => this.shapeEdges(found.get(k) ?? []));
    });
  }

  /** Scope and shape of a node's relationship rows, as read by either statement. */
  private shapeEdges(rows: readonly EdgeRow[]): EdgeRow[] {
    return rows.filter((row) => this.visible(row.node)).map((row) => ({ ...row, rel: shapeRel(this.ctx, row.rel), node: shapeNode(this.ctx, row.node) }));
  }

  history(label: NodeLabel, id: string): Promise<StateChange[]> {
    return this.get<StateChange[]>(`history:${label}`, async (ids) => {
      const found = await this.shared(`history:${label}`, ids, async (all) => {
        const rows = await this.ctx.db.read((tx) => getHistory(tx, label, all));
        const byKey = new Map<string, StateChange[]>();
        for (const row of rows) {
          const list = byKey.get(row.key);
          if (list) list.push(row.change);
          else byKey.set(row.key, [row.change]);
        }
        return byKey;
      });
      return ids.map((k) => (found.get(k) ?? []).map((change) => shapeChange(this.ctx, change)));
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
