/** Turns returned maps into the domain's plain records (src/domain/records.ts). */
import { NODE_LABELS, type NodeLabel, type RelKind } from '../../domain/model.ts';
import type { NodeRecord, Plain, Props, RelRecord } from '../../domain/records.ts';

export type { NodeRecord, Props, RelRecord };

const KNOWN = new Set<string>(NODE_LABELS);

export function asNode(value: Plain, labels: Plain): NodeRecord | null {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return null;
  const label = Array.isArray(labels) ? (labels.find((l) => typeof l === 'string' && KNOWN.has(l)) as NodeLabel | undefined) : undefined;
  if (!label) return null;
  return { ...value, _label: label } as NodeRecord;
}

export function asNodeOf(label: NodeLabel, value: Plain): NodeRecord {
  return { ...(value as Props), _label: label } as NodeRecord;
}

export function asRel(kind: RelKind, value: Plain): RelRecord {
  return { ...(value as Props), _kind: kind } as RelRecord;
}
