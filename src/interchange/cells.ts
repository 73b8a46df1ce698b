/**
 * One cell of a dataset file to a typed value and back. CSV cells are strings; JSON cells may
 * already be numbers, booleans or arrays. Enums accept the English term or its Chinese name
 * (好人 → GOOD_PERSON); booleans true/false, yes/no, 1/0, 是/否; lists in CSV are joined with "|".
 */
import { VOCABULARIES } from '../domain/vocabulary.ts';
import { isId } from '../domain/ids.ts';
import { cleanText, isTerm, MAX_LIST_ITEM, numberProblem } from '../domain/storable.ts';
import { LABELS_WITH_STATE, MAX_FIELD_LENGTH, type Column } from './columns.ts';

export type CellValue = string | number | boolean | Date | string[];
export type CellResult = { ok: true; value: CellValue | null } | { ok: false; reason: string };

export const LIST_SEPARATOR = '|';
const TRUE = new Set(['true', 'yes', '1', '是', 'y']);
const FALSE = new Set(['false', 'no', '0', '否', 'n']);
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

const fail = (reason: string): CellResult => ({ ok: false, reason });
const ok = (value: CellValue | null): CellResult => ({ ok: true, value });

function enumTerm(vocabulary: keyof typeof VOCABULARIES, raw: string): string | undefined {
  if (isTerm(vocabulary, raw)) return raw;
  const upper = raw.toUpperCase();
  if (isTerm(vocabulary, upper)) return upper;
  const terms = VOCABULARIES[vocabulary].terms as Record<string, { zh: string }>;
  return Object.entries(terms).find(([, t]) => t.zh === raw)?.[0];
}

// Datasets repeat the same dates many times (parseDate was 7% of the beizhan validation profile
// before this cache); each distinct string is parsed once.
const dateCache = new Map<string, Date | null>();

export function parseDate(raw: string): Date | null {
  const cached = dateCache.get(raw);
  if (cached !== undefined) return cached;
  const parsed = parseDateUncached(raw);
  if (dateCache.size > 200_000) dateCache.clear();
  dateCache.set(raw, parsed);
  return parsed;
}

function parseDateUncached(raw: string): Date | null {
  if (!ISO.test(raw)) return null;
  const date = new Date(raw.length === 10 ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(date.getTime())) return null;
  // Reject calendar dates JavaScript would silently roll over (2025-02-30 → 2 March).
  const [y, m, d] = raw.slice(0, 10).split('-').map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(y, m - 1, d));
  if (calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== d) return null;
  return date;
}

export function parseCell(column: Column, input: unknown): CellResult {
  if (typeof input === 'string' && input.length > MAX_FIELD_LENGTH) {
    return fail(`${column.name} is ${input.length} characters; at most ${MAX_FIELD_LENGTH} / 字段过长`);
  }
  // A cell of blanks, a BOM or zero-width characters only is an empty cell.
  const raw = typeof input === 'string' ? cleanText(input) : input;
  if (raw === undefined || raw === null || raw === '') {
    return column.required ? fail(`${column.name} is required / 必填`) : ok(null);
  }
  const type = column.type;
  switch (type.kind) {
    case 'id':
    case 'ref':
      return typeof raw === 'string' && isId(raw) ? ok(raw) : fail(`${column.name}: "${String(raw)}" is not a valid id (letters, digits, _ . : -) / 编号无效`);
    case 'label':
      return typeof raw === 'string' && (LABELS_WITH_STATE as string[]).includes(raw)
        ? ok(raw)
        : fail(`${column.name}: "${String(raw)}" is not one of ${LABELS_WITH_STATE.join(', ')}`);
    case 'string':
      if (typeof raw !== 'string') return fail(`${column.name}: expected text`);
      if (raw.length > (type.max ?? 500)) return fail(`${column.name} is ${raw.length} characters; at most ${type.max ?? 500} / 字段过长`);
      return ok(raw);
    case 'strings': {
      const list = (Array.isArray(raw) ? raw.map(String) : String(raw).split(LIST_SEPARATOR)).map(cleanText).filter(Boolean);
      return list.every((s) => s.length <= MAX_LIST_ITEM) ? ok(list) : fail(`${column.name}: an item is longer than ${MAX_LIST_ITEM} characters / 列表项过长`);
    }
    case 'int':
    case 'float': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      if (!Number.isFinite(n) || (type.kind === 'int' && !Number.isInteger(n))) return fail(`${column.name}: "${String(raw)}" is not ${type.kind === 'int' ? 'an integer' : 'a number'} / 不是有效数字`);
      const problem = numberProblem(type, n);
      return problem ? fail(`${column.name}: ${problem}`) : ok(n);
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return ok(raw);
      const s = String(raw).toLowerCase();
      if (TRUE.has(s)) return ok(true);
      if (FALSE.has(s)) return ok(false);
      return fail(`${column.name}: "${String(raw)}" is not true/false (是/否) / 不是布尔值`);
    }
    case 'datetime': {
      const d = raw instanceof Date ? raw : parseDate(String(raw));
      return d ? ok(d) : fail(`${column.name}: "${String(raw)}" is not an ISO-8601 date such as 2025-03-01 or 2025-03-01T09:30:00+08:00 / 日期格式错误`);
    }
    case 'enum': {
      const term = typeof raw === 'string' ? enumTerm(type.vocabulary, raw) : undefined;
      if (term) return ok(term);
      const allowed = Object.keys(VOCABULARIES[type.vocabulary].terms).join(', ');
      return fail(`${column.name}: "${String(raw)}" is not a ${type.vocabulary}; allowed: ${allowed} / 取值无效`);
    }
  }
}

/** A typed value to its CSV text (the inverse of parseCell for CSV). */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(String).join(LIST_SEPARATOR);
  return String(value);
}
