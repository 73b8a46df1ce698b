/**
 * The second look, at what the database will do: the query type and the plan of `EXPLAIN`, read
 * before anything runs. The checker (check.ts) already refused all of this by the grammar; this
 * holds if the grammar and the database ever read a query differently. Neo4j calls LOAD CSV and
 * read-only procedures "read" (query type r), so the plan's operators are checked as well.
 */
import { refuse } from './rules.ts';

export interface PlanStep {
  readonly operator: string;
  readonly details: string;
  readonly children: readonly PlanStep[];
}

/** Operators a research query's plan may not hold: reading files or URLs, procedures, unlabelled scans. */
const REFUSED_OPERATORS = [/^LoadCSV/, /^ProcedureCall/, /^AllNodesScan/, /^Create/, /^Merge/, /^Set/, /^Delete/, /^DetachDelete/, /^Remove/, /^Foreach/, /^TransactionApply/, /^TransactionForeach/];
/** Names no plan of a research query mentions. */
const REFUSED_NAMES = /\b(Identity|IDENTIFIED_BY|ApiToken|SchemaMigration)\b/;

export function checkPlan(queryType: string, plan: PlanStep): void {
  if (queryType !== 'r') refuse('query-type', `query type ${queryType}`);
  const visit = (step: PlanStep): void => {
    const operator = step.operator.replace(/@.*$/, '');
    if (REFUSED_OPERATORS.some((r) => r.test(operator))) refuse('plan', operator);
    if (REFUSED_NAMES.test(step.details)) refuse('plan', `${operator} names ${REFUSED_NAMES.exec(step.details)![1]}`);
    step.children.forEach(visit);
  };
  visit(plan);
}
