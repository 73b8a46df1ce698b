/**
 * Reads for the dataset export: a community's nodes of one label, or its relationships of one kind,
 * a page at a time in id order. Each page is its own short read transaction starting after the last
 * id of the previous one (a key range, never SKIP), so a 72,000-resident community streams through
 * in bounded memory. Pages are not one snapshot: a write between pages may or may not show.
 */
import type { NodeLabel } from '../../domain/model.ts';
import type { Plain, Props } from '../../domain/records.ts';
import type { Database } from '../database.ts';

export interface ExportTime {
  from: Date | null;
  to: Date | null;
  asOf: Date | null;
}

export interface ExportNodeRow {
  id: string;
  props: Props;
  /** Every state change of the node (oldest first). */
  changes: Props[];
}

export interface ExportRelRow {
  fromId: string;
  toId: string;
  /** The end node's labels (a kind may end at one of several labels). */
  toLabels: string[];
  props: Props;
}

const asProps = (value: Plain): Props => (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) ? (value as Props) : {});

const byTime = (a: Props, b: Props) => {
  const t = (p: Props, k: string) => (p[k] instanceof Date ? (p[k] as Date).getTime() : 0);
  return t(a, 'at') - t(b, 'at') || t(a, 'createdAt') - t(b, 'createdAt') || String(a.id).localeCompare(String(b.id));
};

/** Pages of nodes of one label; yields each page (≤ pageSize rows). */
export async function* exportNodePages(db: Database, label: NodeLabel, communityId: string, time: ExportTime, pageSize: number): AsyncGenerator<ExportNodeRow[]> {
  let after = '';
  for (;;) {
    const rows = await db.read((tx) => tx.run('export/list-nodes', { communityId, after, limit: pageSize, ...time }, { label }));
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      id: String(r.id),
      props: asProps(r.node ?? null),
      changes: (Array.isArray(r.changes) ? r.changes : []).map(asProps).sort(byTime),
    }));
    if (rows.length < pageSize) return;
    after = String(rows[rows.length - 1]!.id);
  }
}

/**
 * Pages of relationships of one type from one start label to any of `toLabels`; a page holds the
 * relationships of up to pageSize start nodes.
 */
export async function* exportRelPages(
  db: Database,
  rel: { type: string; from: NodeLabel; to: readonly NodeLabel[] },
  communityId: string,
  time: ExportTime,
  pageSize: number,
): AsyncGenerator<ExportRelRow[]> {
  let after = '';
  const slots = { from: rel.from, to: rel.to.join('|'), type: rel.type };
  for (;;) {
    const rows = await db.read((tx) => tx.run('export/list-rels', { communityId, after, limit: pageSize, ...time }, slots));
    if (rows.length === 0) return;
    const page: ExportRelRow[] = [];
    for (const row of rows) {
      const rels = Array.isArray(row.rels) ? row.rels : [];
      for (const item of rels.map(asProps)) page.push({ fromId: String(row.id), toId: String(item.to), toLabels: Array.isArray(item.toLabels) ? item.toLabels.map(String) : [], props: asProps(item.rel ?? null) });
    }
    yield page;
    if (rows.length < pageSize) return;
    after = String(rows[rows.length - 1]!.id);
  }
}
