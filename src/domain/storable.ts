/**
 * What may be stored, derived from the data model: one check per value and one per row, used by
 * every write path, so that nothing the API cannot read back is ever written. The GraphQL inputs'
 * zod schemas (src/schema/zod-props.ts) and the importer's cells (src/interchange/cells.ts) judge
 * each value with these functions and each row with orderProblems (a relationship's ends with
 * endsProblem); the create use case checks the whole row again; the stored-row check
 * (src/db/stored-rows.ts) judges stored rows by them. The read side (src/services/shape.ts) uses
 * the same checks to recognise a stored value that is not readable.
 */
import { NODE_SPECS, REL_SPECS, ORDERED_TIMES, type NodeLabel, type PropSpec, type PropType, type RelKind, type RelSpec } from './model.ts';
import { START_UNKNOWN } from './lifetime.ts';
import { VOCABULARIES, type VocabularyName } from './vocabulary.ts';

export interface RowProblem {
  field: string;
  reason: string;
}

/** Longest item of a list property, and most items. */
export const MAX_LIST_ITEM = 100;
export const MAX_LIST_ITEMS = 100;

/**
 * Whitespace (what String.prototype.trim removes: ECMAScript's WhiteSpace and LineTerminator,
 * the BOM among them) and the zero-width characters U+200B–U+200D and U+2060: invisible at either
 * end of a text, so a name made only of them would be stored as an empty or invisible string.
 * Compared by code unit, since this runs on every text cell of an import.
 */
function invisible(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff;
}

/**
 * Trims a text of whitespace, BOM and zero-width characters at both ends. A scan from each end
 * rather than one regular expression: an anchored `…+$` alternative retries at every position, which
 * is quadratic in a long run of blanks.
 */
export function cleanText(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && invisible(s.charCodeAt(start))) start += 1;
  while (end > start && invisible(s.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * True when the value is a term of the vocabulary. An own-property test: a plain object also
 * answers `in` for "constructor", "__proto__", "toString" and the rest of Object.prototype.
 */
export function isTerm(vocabulary: VocabularyName, value: unknown): boolean {
  return typeof value === 'string' && Object.hasOwn(VOCABULARIES[vocabulary].terms, value);
}

/** Why a number is outside a property's bounds, or null. */
export function numberProblem(type: Extract<PropType, { kind: 'int' | 'float' }>, n: number): string | null {
  if (!Number.isFinite(n)) return `${String(n)} is not a finite number / 不是有效数字`;
  if (type.kind === 'int' && !Number.isInteger(n)) return `${n} is not an integer / 不是整数`;
  if (type.kind === 'float' && type.above && n <= type.min) return `${n} must be more than ${type.min} / 必须大于 ${type.min}`;
  if (n < type.min) return `${n} is below the minimum ${type.min} / 小于最小值 ${type.min}`;
  if (n > type.max) return `${n} is above the maximum ${type.max} / 大于最大值 ${type.max}`;
  return null;
}

/** Why a typed value (after parsing) cannot be stored under this type, or null. */
export function valueProblem(type: PropType, value: unknown): string | null {
  switch (type.kind) {
    case 'string': {
      if (typeof value !== 'string') return 'expected text / 需要文本';
      if (cleanText(value) !== value) return 'has leading or trailing blanks / 首尾有空白';
      if (value.length === 0) return 'must not be empty / 不能为空';
      const max = type.max ?? 500;
      return value.length > max ? `is ${value.length} characters; at most ${max} / 最多 ${max} 字符` : null;
    }
    case 'int':
    case 'float':
      return typeof value === 'number' ? numberProblem(type, value) : 'expected a number / 需要数字';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected true or false / 需要布尔值';
    case 'datetime':
      return value instanceof Date && !Number.isNaN(value.getTime()) ? null : 'expected a date-time / 需要日期时间';
    case 'strings': {
      if (!Array.isArray(value)) return 'expected a list of texts / 需要文本列表';
      if (value.length > MAX_LIST_ITEMS) return `has ${value.length} items; at most ${MAX_LIST_ITEMS} / 最多 ${MAX_LIST_ITEMS} 项`;
      const bad = value.find((v) => typeof v !== 'string' || cleanText(v).length === 0 || v.length > MAX_LIST_ITEM);
      return bad === undefined ? null : `an item is empty or longer than ${MAX_LIST_ITEM} characters / 列表项为空或过长`;
    }
    case 'enum':
      return isTerm(type.vocabulary, value)
        ? null
        : `"${String(value)}" is not a ${type.vocabulary}; allowed: ${Object.keys(VOCABULARIES[type.vocabulary].terms).join(', ')} / 取值无效`;
  }
}

/** Times that must not run backwards in one row (createdAt ≤ endedAt, since ≤ until, …). */
export function orderProblems(row: Readonly<Record<string, unknown>>, touched?: ReadonlySet<string>): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const [start, end] of ORDERED_TIMES) {
    const a = row[start];
    const b = row[end];
    if (!(a instanceof Date) || !(b instanceof Date) || b >= a) continue;
    // An update is judged on what it changes: a stored pair it leaves alone is not its fault.
    if (touched && !touched.has(start) && !touched.has(end)) continue;
    problems.push({ field: touched?.has(start) && !touched.has(end) ? start : end, reason: `${end} is before ${start} / ${end} 早于 ${start}` });
  }
  return problems;
}

/**
 * The times of a row that updates a stored node or relationship, against the stored times it leaves
 * in place: an endedAt before the stored createdAt, an until before the stored since (a row giving
 * both is judged by orderProblems alone). A node's stored createdAt counts only when it was recorded:
 * one marked startUnknown holds when the record was made, not when the node's life began
 * (domain/lifetime.ts), so a roster re-imported with the year a resident left is not refused for it.
 */
export function storedOrderProblems(row: Readonly<Record<string, unknown>>, stored: Readonly<Record<string, unknown>>): RowProblem[] {
  const problems: RowProblem[] = [];
  const kept = (name: string) => (name === 'createdAt' && stored[START_UNKNOWN] === true ? undefined : stored[name]);
  for (const [start, end] of ORDERED_TIMES) {
    const givesStart = row[start] instanceof Date;
    if (givesStart === row[end] instanceof Date) continue;
    const a = givesStart ? row[start] : kept(start);
    const b = givesStart ? kept(end) : row[end];
    if (!(a instanceof Date) || !(b instanceof Date) || b >= a) continue;
    const [field, other, at] = givesStart ? [start, end, b] : [end, start, a];
    problems.push({ field, reason: `${end} is before ${start} (the stored ${other} is ${at.toISOString()}) / ${end} 早于 ${start}（已存的 ${other} 为 ${at.toISOString()}）` });
  }
  return problems;
}

/**
 * Why a relationship cannot join these two ends, or null: a kind whose ends must differ
 * (REL_SPECS' distinctEnds) refuses one node at both. Reported at the `to` end (the recipient, the
 * acquaintance): the second id is the one that repeats the first.
 */
export function endsProblem(kind: RelKind, fromId: string, toId: string): RowProblem | null {
  const distinct = (REL_SPECS[kind] as RelSpec).distinctEnds;
  return distinct && fromId === toId ? { field: 'to', reason: `${distinct.en} / ${distinct.zh}` } : null;
}

/**
 * Every problem of a row's model properties: required ones present (a state property is never
 * required of a row — it starts at its initial value), given ones storable. `partial` checks only
 * the keys given (an update).
 */
export function propsProblems(props: Readonly<Record<string, PropSpec>>, row: Readonly<Record<string, unknown>>, partial = false): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const [name, spec] of Object.entries(props)) {
    const value = row[name];
    if (value === undefined || value === null) {
      if (spec.required && !spec.state && (!partial || value === null)) problems.push({ field: name, reason: `${name} is required / 必填` });
      continue;
    }
    const reason = valueProblem(spec.type, value);
    if (reason) problems.push({ field: name, reason: `${name}: ${reason}` });
  }
  return problems;
}

export const nodeProps = (label: NodeLabel) => NODE_SPECS[label].props as Readonly<Record<string, PropSpec>>;
export const relProps = (kind: RelKind) => REL_SPECS[kind].props as Readonly<Record<string, PropSpec>>;

/** The storable check of a whole node row (a create: every value, the required ones, the times' order). */
export function nodeRowProblems(label: NodeLabel, row: Readonly<Record<string, unknown>>): RowProblem[] {
  return [...propsProblems(nodeProps(label), row), ...orderProblems(row)];
}

/** The row with each state property it lacks at its initial value (a new node always has its states). */
export function withInitialStates<R extends Record<string, unknown>>(label: NodeLabel, row: R): R {
  let out: R | undefined;
  for (const [name, spec] of Object.entries(nodeProps(label))) {
    if (!spec.state || (row[name] !== undefined && row[name] !== null)) continue;
    out ??= { ...row };
    (out as Record<string, unknown>)[name] = spec.state.initial;
  }
  return out ?? row;
}
