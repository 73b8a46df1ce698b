/**
 * The interchange format shared by import, export and the demo generator: a dataset is a folder
 * with one file per node label (Resident.csv), per relationship kind (MEMBERSHIP.csv) and one for
 * state changes (STATE_CHANGE.csv), as CSV, JSON Lines (.jsonl) or a JSON array (.json). Columns
 * come from the data model; each has an English name and Chinese aliases accepted in headers.
 */
import { NODE_LABELS, NODE_SPECS, REL_KINDS, REL_SPECS, type NodeLabel, type PropSpec, type PropType, type RelKind } from '../domain/model.ts';
import { MACHINES } from '../domain/transitions.ts';

export type ColumnType = PropType | { kind: 'id' } | { kind: 'ref'; labels: readonly NodeLabel[] } | { kind: 'label' };

export interface Column {
  name: string;
  aliases: readonly string[];
  type: ColumnType;
  required: boolean;
  zh: string;
  en: string;
}

export type FileSpec =
  | { kind: 'node'; name: NodeLabel; label: NodeLabel; columns: Column[] }
  | { kind: 'rel'; name: RelKind; rel: RelKind; columns: Column[] }
  | { kind: 'change'; name: 'STATE_CHANGE'; columns: Column[] };

export const FILE_EXTENSIONS = ['.csv', '.jsonl', '.json'] as const;
export const CHANGE_FILE = 'STATE_CHANGE';
/** Fields longer than this are refused (a guard against a broken file, not a limit of Neo4j). */
export const MAX_FIELD_LENGTH = 10_000;

const col = (name: string, type: ColumnType, required: boolean, zh: string, en: string, aliases: string[] = []): Column => ({
  name, type, required, zh, en, aliases: [zh, ...aliases],
});

const ID = col('id', { kind: 'id' }, true, '编号', 'Stable id', ['ID']);
const DATE = { kind: 'datetime' } as const;
const timestamps = [
  col('createdAt', DATE, false, '创建时间', 'Created at'),
  col('updatedAt', DATE, false, '更新时间', 'Updated at'),
];

const propColumns = (props: Readonly<Record<string, PropSpec>>, forNode: boolean) =>
  Object.entries(props).map(([name, p]) => col(name, p.type, Boolean(p.required) && !(forNode && p.state), p.zh, p.en));

function nodeFile(label: NodeLabel): FileSpec {
  const columns = [
    ID,
    col('communityId', { kind: 'ref', labels: ['Community'] }, label !== 'Community', '社区编号', 'Community id'),
    ...timestamps,
    col('endedAt', DATE, false, '结束时间', 'Ended at'),
    ...propColumns(NODE_SPECS[label].props, true),
  ];
  return { kind: 'node', name: label, label, columns };
}

/**
 * Header names for one end of a relationship from its labels' Chinese names (居民编号, 组织编号), as
 * a roster names the column. Only where they are unambiguous: a label at both ends (ACQUAINTANCE is
 * Resident → Resident) gives neither end such a name.
 */
function endAliases(labels: readonly NodeLabel[], other: readonly NodeLabel[]): string[] {
  return labels.filter((l) => !other.includes(l)).flatMap((l) => [`${NODE_SPECS[l].zh}编号`, `${NODE_SPECS[l].zh}ID`]);
}

function relFile(kind: RelKind): FileSpec {
  const r = REL_SPECS[kind];
  const time = r.time === 'span'
    ? [col('since', DATE, false, '开始', 'Since'), col('until', DATE, false, '结束', 'Until')]
    : [col('at', DATE, true, '时间', 'At')];
  const columns = [
    ID,
    col('from', { kind: 'ref', labels: r.from }, true, '起点编号', `Id of the ${r.from.join(' or ')}`, [r.gql.fromField, `${r.gql.fromField}Id`, ...endAliases(r.from, r.to)]),
    col('to', { kind: 'ref', labels: r.to }, true, '终点编号', `Id of the ${r.to.join(' or ')}`, [r.gql.toField, `${r.gql.toField}Id`, ...endAliases(r.to, r.from)]),
    ...time,
    ...propColumns(r.props, false),
    ...timestamps,
  ];
  return { kind: 'rel', name: kind, rel: kind, columns };
}

/** Labels that have state machines, and so may appear in STATE_CHANGE.csv. */
export const LABELS_WITH_STATE = NODE_LABELS.filter((l) => MACHINES[l] !== undefined);

const changeFile: FileSpec = {
  kind: 'change',
  name: 'STATE_CHANGE',
  columns: [
    ID,
    col('label', { kind: 'label' }, true, '节点类型', 'Label of the node that changed'),
    col('nodeId', { kind: 'ref', labels: LABELS_WITH_STATE }, true, '节点编号', 'Id of the node that changed'),
    col('field', { kind: 'string', max: 100 }, true, '字段', 'Field that changed (e.g. cultivationStage)'),
    col('from', { kind: 'string', max: 100 }, false, '原值', 'Value before'),
    col('to', { kind: 'string', max: 100 }, true, '新值', 'Value after'),
    col('at', DATE, true, '时间', 'When'),
    col('evidence', { kind: 'string', max: 2000 }, false, '依据', 'Evidence'),
    col('createdAt', DATE, false, '创建时间', 'Created at'),
  ],
};

export const FILE_SPECS: readonly FileSpec[] = [...NODE_LABELS.map(nodeFile), ...REL_KINDS.map(relFile), changeFile];

/** Import order: communities, then other nodes, then relationships and changes that refer to them. */
export function fileSpec(name: string): FileSpec | undefined {
  return FILE_SPECS.find((f) => f.name === name);
}

/** Maps a header cell (English name or Chinese alias, any case/spacing) to its column. */
export function resolveHeader(spec: FileSpec, header: string): Column | undefined {
  const h = header.trim().replace(/^\uFEFF/, '').toLowerCase();
  return spec.columns.find((c) => c.name.toLowerCase() === h || c.aliases.some((a) => a.toLowerCase() === h));
}

/** A file's columns with their other accepted names, for refusals a worker reads (居民编号 too). */
export function columnList(spec: FileSpec): string {
  return spec.columns.map((c) => `${c.name} (${c.aliases.join(' / ')})`).join(', ');
}
