/**
 * The full network: every node of the community (any label of the model — never Identity, ApiToken or
 * SchemaMigration, which are not model labels) and every relationship of the model's kinds between
 * them, as a graphology MultiDirectedGraph. Nodes are keyed by id, edges by relationship id.
 *
 * Feed it nodes first (all labels), then relationships: an edge whose ends are not both in the graph
 * (another community, or not present in the window) is dropped.
 */
import { MultiDirectedGraph } from 'graphology';
import { NODE_LABELS, REL_KINDS, REL_SPECS, type NodeLabel, type RelKind } from '../domain/model.ts';
import type { NodeRow, RelRow } from '../db/repositories/graph.ts';
import { attrValue, graphAttributes, iso, propsAsOf, type AttrValue } from './attributes.ts';
import { resolveSpec, type NetworkSpec, type ResolvedSpec } from './spec.ts';
import { eventCounts, ms, nodeStart, spanCounts } from './time.ts';

export type FullNodeAttributes = { label: NodeLabel; start: string | null; end: string | null } & Record<string, AttrValue>;
export type FullEdgeAttributes = { kind: RelKind; type: string; start: string | null; end: string | null } & Record<string, AttrValue>;
export type FullGraph = MultiDirectedGraph<FullNodeAttributes, FullEdgeAttributes>;

const LABELS = new Set<string>(NODE_LABELS);

/** The relationship kind of a (type, start label, end label): MEMBER_OF alone is two kinds. */
export function relKindOf(type: string, from: NodeLabel, to: NodeLabel): RelKind | null {
  for (const kind of REL_KINDS) {
    const spec = REL_SPECS[kind];
    if (spec.type === type && (spec.from as readonly string[]).includes(from) && (spec.to as readonly string[]).includes(to)) return kind;
  }
  return null;
}

/** Per start label, the relationship types that may leave it: what the projection asks for. */
export function relTypesByStartLabel(): Map<NodeLabel, string[]> {
  const byLabel = new Map<NodeLabel, string[]>();
  for (const kind of REL_KINDS) {
    const spec = REL_SPECS[kind];
    for (const label of spec.from) {
      const types = byLabel.get(label) ?? [];
      if (!types.includes(spec.type)) types.push(spec.type);
      byLabel.set(label, types);
    }
  }
  return byLabel;
}

export class FullGraphBuilder {
  readonly graph: FullGraph = new MultiDirectedGraph<FullNodeAttributes, FullEdgeAttributes>();
  /** Ids are unique per label only: a second label reusing an id is keyed `Label:id`. */
  private readonly renamed = new Map<string, string>();

  constructor(private readonly spec: ResolvedSpec) {
    this.graph.replaceAttributes(graphAttributes(spec));
  }

  private key(label: string, id: string): string {
    return this.renamed.get(`${label}:${id}`) ?? id;
  }

  private has(key: string, label: NodeLabel): boolean {
    return this.graph.hasNode(key) && this.graph.getNodeAttribute(key, 'label') === label;
  }

  addNodes(rows: readonly NodeRow[]): void {
    for (const row of rows) {
      if (!LABELS.has(row.label)) continue;
      const createdAt = nodeStart(row.props);
      const { endedAt } = row.props;
      if (!spanCounts(this.spec, ms(createdAt), ms(endedAt as Date | null))) continue;
      const attributes: Record<string, AttrValue> = { label: row.label };
      for (const [name, value] of Object.entries(propsAsOf(row.props, row.changes, this.spec))) attributes[name] = attrValue(value);
      attributes.start = iso(createdAt);
      attributes.end = iso(endedAt);
      let key = row.id;
      if (this.graph.hasNode(key)) {
        if (this.graph.getNodeAttribute(key, 'label') === row.label) continue;
        key = `${row.label}:${row.id}`;
        this.renamed.set(key, key);
      }
      this.graph.addNode(key, attributes as FullNodeAttributes);
    }
  }

  addRels(rows: readonly RelRow[]): void {
    for (const row of rows) {
      const toLabel = row.toLabels.find((l): l is NodeLabel => LABELS.has(l));
      if (!toLabel) continue;
      const kind = relKindOf(row.type, row.fromLabel, toLabel);
      if (!kind) continue;
      const source = this.key(row.fromLabel, row.fromId);
      const target = this.key(toLabel, row.toId);
      if (!this.has(source, row.fromLabel) || !this.has(target, toLabel)) continue;
      const p = row.props;
      const event = REL_SPECS[kind].time === 'event';
      const start = event ? p.at : p.since;
      const end = event ? p.at : p.until;
      if (event ? !eventCounts(this.spec, ms(p.at as Date | null)) : !spanCounts(this.spec, ms(start as Date | null), ms(end as Date | null))) continue;
      const attributes: Record<string, AttrValue> = { kind, type: row.type };
      for (const [name, value] of Object.entries(p)) attributes[name] = attrValue(value);
      attributes.start = iso(start);
      attributes.end = iso(end);
      const id = typeof p.id === 'string' ? p.id : `${row.type}:${row.fromId}:${row.toId}:${this.graph.size}`;
      const key = this.graph.hasEdge(id) ? `${row.type}:${id}` : id;
      if (this.graph.hasEdge(key)) continue;
      this.graph.addDirectedEdgeWithKey(key, source, target, attributes as FullEdgeAttributes);
    }
  }

  finish(): FullGraph {
    return this.graph;
  }
}

/** The full network from all its rows at once (tests; small data). */
export function buildFullGraph(rows: { nodes: readonly NodeRow[]; rels: readonly RelRow[] }, spec: NetworkSpec): FullGraph {
  const builder = new FullGraphBuilder(resolveSpec({ ...spec, network: 'FULL' }));
  builder.addNodes(rows.nodes);
  builder.addRels(rows.rels);
  return builder.finish();
}
