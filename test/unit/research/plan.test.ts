import { describe, expect, it } from 'vitest';
import { checkPlan, type PlanStep } from '../../../src/research/plan.ts';
import { ResearchRefusal } from '../../../src/research/rules.ts';

const step = (operator: string, details = '', children: PlanStep[] = []): PlanStep => ({ operator, details, children });
const ruleOf = (queryType: string, plan: PlanStep): string | null => {
  try {
    checkPlan(queryType, plan);
    return null;
  } catch (error) {
    if (error instanceof ResearchRefusal) return `${error.refusal.rule}: ${error.refusal.detail}`;
    throw error;
  }
};

describe('checkPlan', () => {
  const read = step('ProduceResults@neo4j', '`r.id`', [step('Projection@neo4j', 'r.id AS `r.id`', [step('NodeIndexSeek@neo4j', 'RANGE INDEX r:Resident(communityId) WHERE communityId = $__communities[0]')])]);

  it('passes a read plan of labelled index seeks', () => {
    expect(ruleOf('r', read)).toBeNull();
  });

  it('refuses any query type but r', () => {
    expect(ruleOf('rw', read)).toBe('query-type: query type rw');
    expect(ruleOf('s', read)).toBe('query-type: query type s');
  });

  it('refuses LOAD CSV and procedure calls, which Neo4j calls read-only, anywhere in the plan', () => {
    expect(ruleOf('r', step('ProduceResults@neo4j', 'l', [step('LoadCSV@neo4j', 'l')]))).toBe('plan: LoadCSV');
    expect(ruleOf('r', step('ProduceResults@neo4j', 'label', [step('Apply', '', [step('Argument'), step('ProcedureCall@neo4j', 'db.labels() :: (label :: STRING)')])]))).toBe('plan: ProcedureCall');
  });

  it('refuses a scan of every node (a node without a label) and plans that name identifying labels', () => {
    expect(ruleOf('r', step('ProduceResults', 'n', [step('AllNodesScan@neo4j', 'n')]))).toBe('plan: AllNodesScan');
    expect(ruleOf('r', step('ProduceResults', '', [step('NodeByLabelScan', 'i:Identity')]))).toBe('plan: NodeByLabelScan names Identity');
    expect(ruleOf('r', step('ProduceResults', '', [step('Expand(All)', '(r)-[anon_0:IDENTIFIED_BY]->(i)')]))).toBe('plan: Expand(All) names IDENTIFIED_BY');
  });
});
