/**
 * Running a researcher's query. Its text is data, not a registry statement: it was written by the
 * researcher and checked by src/research before it reaches this file, which only explains it, runs it
 * in a READ transaction with the server-side timeout, stops pulling at the row cap, and turns every
 * value into JSON. A node, relationship or path in an answer is refused here too, although the
 * checker lets none through.
 */
import neo4j, { Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import type { Database } from './database.ts';

export type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

export interface ResearchPlanStep {
  operator: string;
  details: string;
  children: ResearchPlanStep[];
}

export interface ResearchAnswer {
  columns: string[];
  rows: Json[][];
  /** More rows were there than the cap. */
  truncated: boolean;
  /** Bytes of the rows as JSON. */
  bytes: number;
}

/** Why the database refused or stopped a query, as the service's refusal rules name it. */
export class ResearchDbRefusal extends Error {
  constructor(readonly reason: 'timeout' | 'query-error' | 'result-size' | 'whole-entity', message: string) {
    super(message);
  }
}

interface Limits { timeoutMs: number; maxRows: number; maxBytes: number }

interface RawPlan { operatorType: string; arguments?: Record<string, unknown>; children?: RawPlan[] }

function planOf(raw: RawPlan): ResearchPlanStep {
  const details = raw.arguments?.Details;
  return { operator: raw.operatorType, details: typeof details === 'string' ? details : '', children: (raw.children ?? []).map(planOf) };
}

const TIMEOUTS = new Set(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']);

function refusalOf(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (TIMEOUTS.has(error.code) || (error.code.startsWith('Neo.ClientError.Transaction') && /terminated|timed out/i.test(error.message))) {
    return new ResearchDbRefusal('timeout', error.code);
  }
  if (error.code.includes('MemoryPoolOutOfMemoryError') || error.code.includes('OutOfMemory')) return new ResearchDbRefusal('result-size', error.code);
  if (error.code.startsWith('Neo.ClientError.Statement') || error.code.startsWith('Neo.ClientError.Procedure')) {
    return new ResearchDbRefusal('query-error', `${error.code.replace(/^Neo\.ClientError\./, '')}: ${error.message.split('\n')[0]!.slice(0, 300)}`);
  }
  return error;
}

/** JSON parameters for the driver: a whole number goes as an Integer, so that LIMIT $n and ids compare. */
function driverParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(driverParams);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, driverParams(v)]));
  return value;
}

export async function explainResearch(db: Database, text: string, params: Record<string, unknown>, timeoutMs: number): Promise<{ queryType: string; plan: ResearchPlanStep }> {
  try {
    return await db.readRaw(async (tx) => {
      const result = await tx.run(`EXPLAIN ${text}`, driverParams(params) as Record<string, unknown>);
      const plan = result.summary.plan;
      return { queryType: String(result.summary.queryType), plan: plan ? planOf(plan as unknown as RawPlan) : { operator: 'none', details: '', children: [] } };
    }, { timeoutMs, fetchSize: 1 });
  } catch (error) {
    throw refusalOf(error);
  }
}

export async function runResearch(db: Database, text: string, params: Record<string, unknown>, limits: Limits): Promise<ResearchAnswer> {
  try {
    return await db.readRaw(async (tx: ManagedTransaction) => {
      const rows: Json[][] = [];
      let columns: string[] = [];
      let bytes = 0;
      let truncated = false;
      const result = tx.run(text, driverParams(params) as Record<string, unknown>);
      columns = (await result.keys()).map(String);
      for await (const record of result) {
        if (rows.length >= limits.maxRows) {
          truncated = true;
          break;
        }
        const row = columns.map((c) => toJson(record.get(c)));
        bytes += JSON.stringify(row).length;
        if (bytes > limits.maxBytes) throw new ResearchDbRefusal('result-size', `more than ${limits.maxBytes} bytes after ${rows.length} rows`);
        rows.push(row);
      }
      return { columns, rows, truncated, bytes };
    }, { timeoutMs: limits.timeoutMs, fetchSize: Math.min(limits.maxRows + 1, 1000) });
  } catch (error) {
    throw refusalOf(error);
  }
}

/** A driver value as JSON: integers as numbers (as strings beyond 2^53), temporals as ISO text. */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    const n = value as unknown as { inSafeRange(): boolean; toNumber(): number; toString(): string };
    return n.inSafeRange() ? n.toNumber() : n.toString();
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (neo4j.isNode(value) || neo4j.isRelationship(value) || neo4j.isPath(value) || neo4j.isPathSegment(value) || neo4j.isUnboundRelationship(value)) {
    throw new ResearchDbRefusal('whole-entity', 'a node, relationship or path in the answer');
  }
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)) {
    return String(value);
  }
  if (neo4j.isPoint(value)) {
    const p = value as unknown as { srid: unknown; x: number; y: number; z?: number };
    return { srid: toJson(p.srid), x: p.x, y: p.y, ...(p.z === undefined ? {} : { z: p.z }) };
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toJson(v)]));
  return String(value);
}

/** Every community's id (a '*' token's communities). */
export async function listCommunityIds(db: Database): Promise<string[]> {
  const rows = await db.read((tx) => tx.run('research/list-community-ids'));
  return rows.map((r) => String(r.id));
}
