/** A relationship as GraphQL shows it: its properties plus the nodes at both ends. */
import type { EdgeRow, NodeRecord, RelRecord } from '../domain/records.ts';
import { readableRel } from '../services/shape.ts';

export type RelView = RelRecord & { _from: NodeRecord; _to: NodeRecord };

/** One unreadable stored property (a role outside its vocabulary) must not fail the node's whole list. */
export function edgeToRel(direction: 'out' | 'in', self: NodeRecord, row: EdgeRow): RelView {
  const rel = readableRel(row.rel);
  return direction === 'out' ? { ...rel, _from: self, _to: row.node } : { ...rel, _from: row.node, _to: self };
}
