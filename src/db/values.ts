/**
 * Conversion at the driver boundary: JS Dates go in as Neo4j DateTimes (so range indexes and
 * comparisons work), and Neo4j Integers and temporals come out as numbers and Dates. No neo4j type
 * leaves src/db.
 */
import neo4j from 'neo4j-driver';

import type { Plain } from '../domain/records.ts';

export type { Plain };

export function toNeo4j(value: unknown): unknown {
  if (value instanceof Date) return neo4j.types.DateTime.fromStandardDate(value);
  if (Array.isArray(value)) return value.map(toNeo4j);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4j(v)]));
  }
  return value;
}

export function fromNeo4j(value: unknown): Plain {
  // Most values of a large read are numbers and strings (ids, times as floats): answer them first.
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value as Plain;
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isDateTime(value)) {
    const ms = dateTimeMs(value as unknown as DateTimeFields);
    if (ms !== null) return new Date(ms);
  }
  if (neo4j.isDateTime(value) || neo4j.isDate(value) || neo4j.isLocalDateTime(value)) {
    return new Date((value as { toString(): string }).toString().replace(/\[.*\]$/, ''));
  }
  if (Array.isArray(value)) {
    // In place: the driver's lists are this read's own, and a copy of each of a projection's
    // hundreds of thousands of small tie rows is garbage the read need not make.
    for (let i = 0; i < value.length; i += 1) value[i] = fromNeo4j(value[i]);
    return value as Plain;
  }
  if (type === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fromNeo4j(v)]));
  }
  return value as Plain;
}

interface DateTimeFields {
  year: unknown; month: unknown; day: unknown; hour: unknown; minute: unknown; second: unknown;
  nanosecond: unknown; timeZoneOffsetSeconds?: unknown;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : (v as { toNumber(): number }).toNumber());

/**
 * A DateTime with an offset as epoch milliseconds, from its fields. Every stored time is one
 * (toNeo4j writes them so), and going through toString() and back through Date's parser made the
 * driver's Integer arithmetic a tenth of the service's time while paging residents. The same instant
 * as that path, sub-millisecond digits dropped as Date's parser drops them; null (take that path)
 * for a zone without an offset, and for years before 100, which Date.UTC would read as 19xx.
 */
export function dateTimeMs(dt: DateTimeFields): number | null {
  if (dt.timeZoneOffsetSeconds === undefined || dt.timeZoneOffsetSeconds === null) return null;
  const year = num(dt.year);
  if (year < 100) return null;
  const utc = Date.UTC(year, num(dt.month) - 1, num(dt.day), num(dt.hour), num(dt.minute), num(dt.second));
  return utc + Math.floor(num(dt.nanosecond) / 1e6) - num(dt.timeZoneOffsetSeconds) * 1000;
}
