/**
 * Row checks that need nothing but the row: header resolution, cell types, and state-change rules.
 * Checks that need the rest of the dataset or the database (duplicates, dangling references) live
 * in the import service.
 */
import { NODE_SPECS, type NodeLabel, type PropSpec } from '../domain/model.ts';
import { allowedNext, MACHINES } from '../domain/transitions.ts';
import { VOCABULARIES } from '../domain/vocabulary.ts';
import { endsProblem, orderProblems } from '../domain/storable.ts';
import { allowedTerms, enumTerm, parseCell, type CellValue } from './cells.ts';
import { columnList, resolveHeader, type Column, type FileSpec } from './columns.ts';

export interface CellProblem {
  column: string | null;
  reason: string;
}

export type Values = Record<string, CellValue | null>;

export interface HeaderCheck {
  columns: Map<string, Column>;
  problems: string[];
}

/** Maps headers to columns; unknown, duplicated or missing required columns are file-level problems. */
export function checkHeader(spec: FileSpec, headers: readonly string[], requireAll = true): HeaderCheck {
  const columns = new Map<string, Column>();
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const header of headers) {
    const column = resolveHeader(spec, header);
    if (!column) {
      problems.push(`unknown column "${header}"; ${spec.name} accepts: ${columnList(spec)} / 未知列「${header}」，可用的列名见上（英文或括号中的中文）`);
      continue;
    }
    if (seen.has(column.name)) problems.push(`column ${column.name} appears twice / 列重复`);
    seen.add(column.name);
    columns.set(header, column);
  }
  if (requireAll) {
    for (const c of spec.columns) {
      if (c.required && !seen.has(c.name)) problems.push(`required column ${c.name} (${c.zh}) is missing / 缺少必填列`);
    }
  }
  return { columns, problems };
}

/** Parses every cell of one record; returns the typed values and the problems, one per bad cell. */
export function parseRecord(spec: FileSpec, cells: Record<string, unknown>, header?: HeaderCheck): { values: Values; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const values: Values = {};
  const check = header ?? checkHeader(spec, Object.keys(cells), false);
  if (!header) for (const p of check.problems) problems.push({ column: null, reason: p });
  const given = new Map<string, unknown>();
  for (const [h, v] of Object.entries(cells)) {
    const column = check.columns.get(h);
    if (column) given.set(column.name, v);
  }
  for (const column of spec.columns) {
    const result = parseCell(column, given.get(column.name));
    if (result.ok) values[column.name] = result.value;
    else problems.push({ column: column.name, reason: result.reason });
  }
  if (spec.kind === 'change' && problems.length === 0) {
    const p = checkChange(values);
    if (p) problems.push(p);
  }
  // Each cell was judged by the model's own bounds and terms (cells.ts, through the storable
  // check's functions); the row adds the rules that span cells: times must not run backwards, and
  // a relationship whose ends must differ must not join a node to itself.
  if (spec.kind !== 'change' && problems.length === 0) {
    for (const p of orderProblems(values)) problems.push({ column: p.field, reason: p.reason });
    const loop = spec.kind === 'rel' ? endsProblem(spec.rel, String(values.from), String(values.to)) : null;
    if (loop) problems.push({ column: loop.field, reason: loop.reason });
  }
  return { values, problems };
}

/** A state change must name a state field of its label, use terms of its vocabulary, and be an allowed step. */
export function checkChange(values: Values): CellProblem | null {
  const label = values.label as NodeLabel;
  const field = String(values.field);
  // An own-property test: "constructor" or "toString" must not find Object.prototype's.
  const machines = MACHINES[label];
  if (!machines || !Object.hasOwn(machines, field)) {
    return { column: 'field', reason: `${label} has no state field ${field}; state fields: ${Object.keys(MACHINES[label] ?? {}).join(', ')} / 无此状态字段` };
  }
  const spec = (NODE_SPECS[label].props as Record<string, PropSpec>)[field]!;
  if (spec.type.kind !== 'enum') return { column: 'field', reason: `${label}.${field} is not a state field / 不是状态字段` };
  const { vocabulary } = spec.type;
  // The values of a change are terms as in any enum cell (好人, 骨干); they are stored as the term.
  const refused = (column: 'from' | 'to', raw: string): CellProblem => ({
    column,
    reason: `"${raw}" is not a ${vocabulary}; allowed: ${allowedTerms(vocabulary)} / 「${raw}」不是有效的${VOCABULARIES[vocabulary].description.zh}`,
  });
  const to = enumTerm(vocabulary, String(values.to));
  if (to === undefined) return refused('to', String(values.to));
  values.to = to;
  const from = values.from === null ? null : enumTerm(vocabulary, String(values.from)) ?? null;
  if (values.from !== null) {
    if (from === null) return refused('from', String(values.from));
    values.from = from;
    if (!allowedNext(label, field, from).includes(to)) {
      return { column: 'to', reason: `${label}.${field} cannot go from ${from} to ${to}; allowed: ${allowedNext(label, field, from).join(', ') || 'none'} / 不允许的转换` };
    }
  }
  return null;
}
