/**
 * One cell of a dataset file to a typed value and back. CSV cells are strings; JSON cells may
 * already be numbers, booleans or arrays. Enums accept the English term, its Chinese name
 * (好人 → GOOD_PERSON) or a synonym from the vocabulary's table (商品房 → GARDEN_ESTATE); booleans
 * true/false, yes/no, 1/0, 是/否; dates ISO-8601 or year first as spreadsheets and people write
 * them (2024/05/20, 2024.6.1, 2024年5月20日); lists in CSV are joined with "|".
 */
import { synonymsOf, VOCABULARIES, type Term, type VocabularyName } from '../domain/vocabulary.ts';
import { isId } from '../domain/ids.ts';
import { cleanText, isTerm, MAX_LIST_ITEM, MAX_LIST_ITEMS, numberProblem } from '../domain/storable.ts';
import { textProblem } from '../domain/text-policy.ts';
import { LABELS_WITH_STATE, MAX_FIELD_LENGTH, type Column } from './columns.ts';

export type CellValue = string | number | boolean | Date | string[];
export type CellResult = { ok: true; value: CellValue | null } | { ok: false; reason: string };

export const LIST_SEPARATOR = '|';
const TRUE = new Set(['true', 'yes', '1', '是', 'y']);
const FALSE = new Set(['false', 'no', '0', '否', 'n']);
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

const fail = (reason: string): CellResult => ({ ok: false, reason });
const ok = (value: CellValue | null): CellResult => ({ ok: true, value });

/** Brackets of either width and blanks do not tell terms apart: 花园小区(商品房) is 花园小区（商品房）. */
const foldTerm = (s: string): string => s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/g, '');

/** Per vocabulary: every accepted spelling (English, Chinese, synonym; folded) → its term. */
const termIndex = new Map<VocabularyName, Map<string, string>>();

function spellings(vocabulary: VocabularyName): Map<string, string> {
  let index = termIndex.get(vocabulary);
  if (!index) {
    index = new Map();
    for (const [term, t] of Object.entries(VOCABULARIES[vocabulary].terms as Record<string, Term>)) {
      for (const s of [term, t.zh, ...synonymsOf(vocabulary, term)]) index.set(foldTerm(s), term);
    }
    termIndex.set(vocabulary, index);
  }
  return index;
}

/** The term a cell means: the English term in any case, its Chinese name or a synonym. */
export function enumTerm(vocabulary: VocabularyName, raw: string): string | undefined {
  if (isTerm(vocabulary, raw)) return raw;
  // "core team", "Core-Team" → CORE_TEAM: the English term as people type it.
  const upper = raw.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (isTerm(vocabulary, upper)) return upper;
  return spellings(vocabulary).get(foldTerm(raw));
}

/** The terms a refusal lists: each with its Chinese name and synonyms, so a worker finds the word they meant. */
export function allowedTerms(vocabulary: VocabularyName): string {
  return Object.entries(VOCABULARIES[vocabulary].terms as Record<string, Term>)
    .map(([term, t]) => `${term} (${[t.zh, ...synonymsOf(vocabulary, term)].join(' / ')})`)
    .join(', ');
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

/**
 * Dates as Excel and people write them in China: year first, then month and day, separated by one
 * of / . - or written 2024年5月20日. Only year-first forms: 05/06/2024 is May or June depending on
 * who wrote it, so it stays refused. A date without a time is midnight UTC, as an ISO date is.
 */
const LOCAL_DATE = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$|^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;

/** The forms a refusal names (bilingual, as the message is read by workers). */
export const DATE_FORMS = '2025-03-01, 2025-03-01T09:30:00+08:00, 2025/03/01, 2025.3.1 or 2025年3月1日 (year first)';

function calendarDate(y: number, m: number, d: number): Date | null {
  // Reject calendar dates JavaScript would silently roll over (2025-02-30 → 2 March).
  const calendar = new Date(Date.UTC(y, m - 1, d));
  return calendar.getUTCFullYear() === y && calendar.getUTCMonth() === m - 1 && calendar.getUTCDate() === d ? calendar : null;
}

function parseDateUncached(raw: string): Date | null {
  const local = LOCAL_DATE.exec(raw);
  if (local) {
    const [y, m, d] = (local[1] ? [local[1], local[3], local[4]] : [local[5], local[6], local[7]]).map(Number) as [number, number, number];
    return calendarDate(y, m, d);
  }
  if (!ISO.test(raw)) return null;
  const date = new Date(raw.length === 10 ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(date.getTime())) return null;
  const [y, m, d] = raw.slice(0, 10).split('-').map(Number) as [number, number, number];
  return calendarDate(y, m, d) ? date : null;
}

/** A number as people and spreadsheets write it: optional sign, digits with an optional fraction, an optional exponent. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

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
      {
        const problem = textProblem(raw, type.multiline ? 'free' : 'name');
        return problem ? fail(`${column.name}: ${problem}`) : ok(raw);
      }
    case 'strings': {
      const list = (Array.isArray(raw) ? raw.map(String) : String(raw).split(LIST_SEPARATOR)).map(cleanText).filter(Boolean);
      if (list.length > MAX_LIST_ITEMS) return fail(`${column.name}: ${list.length} items; at most ${MAX_LIST_ITEMS} / 最多 ${MAX_LIST_ITEMS} 项`);
      if (!list.every((s) => s.length <= MAX_LIST_ITEM)) return fail(`${column.name}: an item is longer than ${MAX_LIST_ITEM} characters / 列表项过长`);
      const problem = list.map((s) => textProblem(s, 'name')).find((p) => p !== null);
      return problem ? fail(`${column.name}: ${problem}`) : ok(list);
    }
    case 'int':
    case 'float': {
      // Decimal notation only: Number() would read "0x10" as 16, "0b11" as 3, true as 1 and [5] as 5.
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && DECIMAL.test(raw) ? Number(raw) : Number.NaN;
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
      return d ? ok(d) : fail(`${column.name}: "${String(raw)}" is not a date; accepted: ${DATE_FORMS} / 日期格式错误，可写 2025-03-01、2025/03/01、2025.3.1 或 2025年3月1日（年份在前）`);
    }
    case 'enum': {
      const term = typeof raw === 'string' ? enumTerm(type.vocabulary, raw) : undefined;
      if (term) return ok(term);
      const zh = VOCABULARIES[type.vocabulary].description.zh;
      return fail(`${column.name}: "${String(raw)}" is not a ${type.vocabulary}; allowed: ${allowedTerms(type.vocabulary)} / 「${String(raw)}」不是有效的${zh}，可填上列英文或中文`);
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
