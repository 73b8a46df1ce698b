/**
 * How the answer's columns are read: a RETURN item that is a whole pseudonymised field (the policy of
 * src/domain/pseudonymise-policy.ts) is rewritten so that the service can read it as the API's keyed
 * pseudonym. `r.id` is read through the pseudonym as it is; `r.displayName` runs as `r.id` under the
 * column name the researcher gave or Neo4j would give (the item's text); an individual partner's name
 * runs as [kind, id, name] so that the reading can tell persons from businesses. The checker
 * (check.ts) has made sure that pseudonymised fields appear nowhere else.
 */
import type { NodeLabel } from '../domain/model.ts';
import { PSEUDONYMS, type Pseudonymised } from '../domain/pseudonymise-policy.ts';
import { childRules, rulesOf, textOf, tokensOf, type RuleNode, type TokenNode } from './cypher-tree.ts';
import { refuse } from './rules.ts';

/** How one answer column is read: as stored, or through a pseudonym. */
export type ColumnReading =
  | { kind: 'keep' }
  /** The value is the node's id: read its pseudonym. */
  | { kind: 'pseudonym'; prefix: string }
  /** The value is [kind, id, name] of a partner: an INDIVIDUAL's name reads as its pseudonym. */
  | { kind: 'pseudonym-if-individual'; prefix: string };

export interface CheckedQuery {
  /** The text to run: the researcher's, with pseudonymised RETURN items rewritten. */
  readonly text: string;
  /** Columns read otherwise than as stored, by column name. */
  readonly columns: ReadonlyMap<string, ColumnReading>;
}

/** Node variable → its one label, as the checker collected them. */
export type EntityVariables = ReadonlyMap<string, NodeLabel>;

interface Rewrite { start: number; stop: number; text: string }

/** The text to run and the columns to read through pseudonyms. */
export function rewriteReturns(text: string, root: RuleNode, nodeVars: EntityVariables): CheckedQuery {
  const rewrites: Rewrite[] = [];
  const columns = new Map<string, ColumnReading>();
  const conflicting = new Set<string>();
  const note = (column: string, reading: ColumnReading) => {
    const before = columns.get(column);
    if (before && JSON.stringify(before) !== JSON.stringify(reading)) conflicting.add(column);
    columns.set(column, reading);
  };
  for (const clause of rulesOf(root)) {
    if (clause.rule !== 'returnClause') continue;
    for (const item of rulesOf(clause)) {
      if (item.rule !== 'returnItem') continue;
      const expression = childRules(item, 'expression')[0]!;
      const alias = childRules(item, 'variable')[0];
      const column = alias ? textOf(alias) : text.slice(expression.start, expression.stop + 1);
      const [variable, dot, field] = tokensOf(expression);
      const label = variable ? nodeVars.get(variable.text) : undefined;
      const policy: Pseudonymised | undefined = label && dot?.type === 'DOT' && field && tokensOf(expression).length === 3 ? PSEUDONYMS[label]?.[field.text] : undefined;
      if (!policy || !variable) {
        note(column, { kind: 'keep' });
        continue;
      }
      const v = variable.text;
      const as = alias ? '' : ` AS ${quoteName(column)}`;
      if (policy.when === 'individual') {
        rewrites.push(replacing(expression, `[${v}.kind, ${v}.id, ${v}.${field!.text}]${as}`));
        note(column, { kind: 'pseudonym-if-individual', prefix: policy.prefix });
      } else {
        if (field!.text !== 'id') rewrites.push(replacing(expression, `${v}.id${as}`));
        note(column, { kind: 'pseudonym', prefix: policy.prefix });
      }
    }
  }
  for (const column of conflicting) refuse('pseudonymised-property', `column ${column} is pseudonymised in one part of the UNION and not in another`);
  let out = text;
  for (const r of rewrites.sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.text + out.slice(r.stop + 1);
  for (const [name, reading] of columns) if (reading.kind === 'keep') columns.delete(name);
  return { text: out, columns };
}

function replacing(node: RuleNode | TokenNode, text: string): Rewrite {
  return { start: node.start, stop: node.stop, text };
}

function quoteName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}
