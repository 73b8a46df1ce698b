/**
 * researchQuery: a researcher's read-only Cypher over their communities (docs/research-query.md).
 * Check the text (src/research/check.ts, in a worker thread with a deadline: checker.ts) → bind $__communities to the token's communities →
 * EXPLAIN and check the query type and plan → run in a READ transaction with the timeout and the
 * row cap → read each column by the pseudonymisation policy. Every refusal is BAD_USER_INPUT at
 * `cypher` (or `parameters.<name>`) naming its rule in `extensions.rule`.
 */
import { badInput, type FieldPath } from '../../domain/errors.ts';
import { mayRunResearchQuery, seesAll, seesPseudonymsOnly } from '../../domain/permissions.ts';
import { explainResearch, listCommunityIds, ResearchDbRefusal, runResearch, type Json } from '../../db/research.ts';
import { COMMUNITIES_PARAM, type CheckedQuery, type ColumnReading } from '../../research/check.ts';
import { ResearchChecker } from '../../research/checker.ts';
import { RESEARCH_LIMITS } from '../../research/limits.ts';
import { checkPlan } from '../../research/plan.ts';
import { refusalMessage, ResearchRefusal, type Refusal } from '../../research/rules.ts';
import type { ServiceContext } from '../context.ts';
import { requireRole } from '../guard.ts';
import { pseudonym } from '../shape.ts';

export { RESEARCH_LIMITS };

export interface ResearchQueryInput {
  cypher: string;
  parameters: Record<string, Json>;
  timeoutSeconds: number;
  maxRows: number;
}

export interface ResearchQueryResult {
  columns: string[];
  /** One object per row, keyed by column. */
  rows: Record<string, Json>[];
  rowCount: number;
  truncated: boolean;
  /** Columns whose values are pseudonyms. */
  pseudonymisedColumns: string[];
  communityIds: string[];
}

const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function refused(refusal: Refusal, path: FieldPath = ['cypher']): Error {
  return badInput(refusalMessage(refusal), path, { rule: refusal.rule, detail: refusal.detail, ...(refusal.offset === undefined ? {} : { offset: refusal.offset }) });
}

/** One checker thread for the process (started on the first query, never keeping the process alive). */
const checker = new ResearchChecker();

async function checked(cypher: string): Promise<CheckedQuery> {
  try {
    return await checker.check(cypher);
  } catch (error) {
    if (error instanceof ResearchRefusal) throw refused(error.refusal);
    throw error;
  }
}

function checkParameters(parameters: Record<string, Json>): void {
  for (const name of Object.keys(parameters)) {
    if (!PARAMETER_NAME.test(name) || name.startsWith('__')) throw refused({ rule: 'parameters', detail: name }, ['parameters', name]);
  }
  const bytes = JSON.stringify(parameters).length;
  if (bytes > RESEARCH_LIMITS.parameterBytes) throw refused({ rule: 'parameters', detail: `${bytes} bytes, at most ${RESEARCH_LIMITS.parameterBytes}` }, ['parameters']);
}

/** A column's value as the policy reads it for a researcher (the API's keyed pseudonyms). */
function read(reading: ColumnReading, value: Json, secret: string): Json {
  if (value === null) return null;
  switch (reading.kind) {
    case 'keep': return value;
    case 'pseudonym': return pseudonym(String(value), secret, reading.prefix);
    case 'pseudonym-if-individual': {
      const [kind, id, name] = Array.isArray(value) ? value : [];
      if (id === null || id === undefined) return null;
      return kind === 'INDIVIDUAL' ? pseudonym(String(id), secret, reading.prefix) : (name ?? null);
    }
  }
}

export async function researchQuery(ctx: ServiceContext, input: ResearchQueryInput): Promise<ResearchQueryResult> {
  requireRole(mayRunResearchQuery(ctx.principal), ctx.principal, 'run research queries');
  checkParameters(input.parameters);
  const query = await checked(input.cypher);
  const pseudonyms = seesPseudonymsOnly(ctx.principal);
  // Analysts read names where the API shows them: the same rules, the researcher's own text.
  const text = pseudonyms ? query.text : input.cypher;
  const communityIds = seesAll(ctx.principal) ? await listCommunityIds(ctx.db) : [...ctx.principal.communities];
  const params = { ...input.parameters, [COMMUNITIES_PARAM]: communityIds };
  try {
    const explained = await explainResearch(ctx.db, text, params, RESEARCH_LIMITS.explainSeconds * 1000);
    checkPlan(explained.queryType, explained.plan);
    const answer = await runResearch(ctx.db, text, params, {
      timeoutMs: input.timeoutSeconds * 1000,
      maxRows: input.maxRows,
      maxBytes: RESEARCH_LIMITS.maxBytes,
    });
    const readings = answer.columns.map((c) => (pseudonyms ? query.columns.get(c) : undefined) ?? { kind: 'keep' as const });
    const rows = answer.rows.map((row) => Object.fromEntries(answer.columns.map((c, i) => [c, read(readings[i]!, row[i]!, ctx.pseudonymSecret)])));
    return {
      columns: answer.columns,
      rows,
      rowCount: rows.length,
      truncated: answer.truncated,
      pseudonymisedColumns: answer.columns.filter((_, i) => readings[i]!.kind !== 'keep'),
      communityIds,
    };
  } catch (error) {
    if (error instanceof ResearchRefusal) throw refused(error.refusal);
    if (error instanceof ResearchDbRefusal) {
      const detail = error.reason === 'timeout' ? `stopped after ${input.timeoutSeconds} s (${error.message})` : error.message;
      throw refused({ rule: error.reason, detail });
    }
    throw error;
  }
}
