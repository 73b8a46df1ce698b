/** The plain shapes that cross rooms: a node or relationship as its properties plus what it is. */
import type { NodeLabel, RelKind } from './model.ts';

export type Plain = null | undefined | string | number | boolean | Date | Plain[] | { [key: string]: Plain };
export type Props = Record<string, Plain>;
export type NodeRecord = Props & { _label: NodeLabel; id: string; communityId: string };
export type RelRecord = Props & { _kind: RelKind; id: string };

/** A relationship seen from one of its ends, with the node at the other end. */
export interface EdgeRow {
  key: string;
  rel: RelRecord;
  node: NodeRecord;
}
