/** A relationship as GraphQL shows it: its properties plus the nodes at both ends. */
import type { EdgeRow, NodeRecord, RelRecord } from '../domain/records.ts';

export type RelView = RelRecord & { _from: NodeRecord; _to: NodeRecord };

export function edgeToRel(direction: 'out' | 'in', self: NodeRecord, row: EdgeRow): RelView {
  return direction === 'out' ? { ...row.rel, _from: self, _to: row.node } : { ...row.rel, _from: row.node, _to: self };
}
