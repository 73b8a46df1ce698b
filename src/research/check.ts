/**
 * The checker of researchers' Cypher: a pure function from the query text to the text that may run
 * and how each answer column is to be read, or a refusal naming the rule it broke (rules.ts).
 *
 * It is an allowlist over Neo4j's grammar (cypher-tree.ts): every grammar rule in the parse tree must
 * be one of ALLOWED_RULES (reading clauses, node and relationship patterns, expressions); anything
 * else — a write, a CALL, LOAD CSV, a subquery, a map projection, a dynamic label or property, a
 * variable-length or shortest path, a pattern inside an expression — is refused, the well-known ones
 * under their own rule and everything the list does not foresee as `construct`. What the grammar
 * allows is then held to four rules:
 *
 * - scope: every node pattern has a variable and one label of the data model, and its MATCH's WHERE
 *   (or the node's inline WHERE) has `v.communityId IN $__communities` as a top-level AND condition;
 *   the service binds $__communities to the token's communities. As every relationship is matched
 *   between two such nodes and paths of unbounded length are refused, nothing outside the token's
 *   communities can be reached (docs/research-query.md, "Scoping").
 * - entities stay inside: a node or relationship variable is used only for its properties, in
 *   count(), type(), labels(), a label test (n:Label) or a plain `WITH n`; it is never renamed,
 *   returned, collected or indexed, so an answer holds values only, each from a property read here.
 * - fields by the pseudonymisation policy (src/domain/pseudonymise-policy.ts): withheld ones are
 *   refused anywhere; pseudonymised ones only as a whole RETURN item, whose column is then read
 *   through the pseudonym (RETURN r.displayName runs as r.id and reads "R-…", like the API).
 * - identifying details (the Identity label, IDENTIFIED_BY, realName, phone, idNumber) are refused
 *   by name wherever they appear.
 */
import { NODE_LABELS, type NodeLabel } from '../domain/model.ts';
import {
  IDENTIFYING_FIELDS, RESEARCH_REL_TYPES, nodeTreatment, strictestRelTreatment, type Treatment,
} from '../domain/pseudonymise-policy.ts';
import { childRules, parseCypher, rulesOf, textOf, tokensOf, type CypherNode, type RuleNode, type TokenNode } from './cypher-tree.ts';
import { rewriteReturns, type CheckedQuery, type EntityVariables } from './columns.ts';
import { refuse, type ResearchRule } from './rules.ts';

export type { CheckedQuery, ColumnReading } from './columns.ts';

/** The parameter the service binds to the token's community ids. */
export const COMMUNITIES_PARAM = '__communities';
export const MAX_QUERY_LENGTH = 10_000;
/** Brackets and CASE expressions open at once, and tokens: what keeps the parse's time bounded. */
export const MAX_DEPTH = 12;
export const MAX_TOKENS = 1_500;

const ALLOWED_RULES = new Set([
  'statementsOrCommands', 'statementOrCommand', 'preparsedStatement', 'statement', 'regularQuery', 'union', 'singleQuery', 'clause',
  'matchClause', 'whereClause', 'withClause', 'returnClause', 'returnBody', 'returnItems', 'returnItem', 'orderBy', 'orderItem',
  'ascToken', 'descToken', 'skip', 'limit', 'unwindClause',
  'patternList', 'pattern', 'anonymousPattern', 'patternElement', 'nodePattern', 'relationshipPattern', 'leftArrow', 'arrowLine',
  'rightArrow', 'labelExpression', 'labelExpression4', 'labelExpression3', 'labelExpression2', 'labelExpression1', 'properties', 'map',
  'expression', 'expression11', 'expression10', 'expression9', 'expression8', 'expression7', 'comparisonExpression6', 'expression6',
  'expression5', 'expression4', 'expression3', 'expression2', 'postFix', 'property', 'propertyKeyName', 'expression1', 'literal',
  'numberLiteral', 'signedIntegerLiteral', 'stringLiteral', 'listLiteral', 'caseExpression', 'caseAlternative', 'extendedCaseExpression',
  'extendedCaseAlternative', 'extendedWhen', 'listComprehension', 'listItemsPredicate', 'parenthesizedExpression', 'functionInvocation',
  'functionArgument', 'functionName', 'namespace', 'variable', 'symbolicNameString', 'symbolicVariableNameString',
  'unescapedSymbolicNameString', 'unescapedSymbolicNameString_', 'unescapedSymbolicVariableNameString', 'parameter', 'parameterName',
  'countStar', 'normalForm', 'type', 'typePart', 'typeName', 'typeNullability', 'typeListSuffix', 'trimFunction', 'normalizeFunction',
]);

/** Grammar rules refused under a rule of their own, so that the refusal says what it is. */
const NAMED_REFUSALS: Readonly<Record<string, ResearchRule>> = {
  createClause: 'write', insertClause: 'write', deleteClause: 'write', setClause: 'write', removeClause: 'write', mergeClause: 'write',
  foreachClause: 'write', setItem: 'write', removeItem: 'write', mergeAction: 'write',
  callClause: 'procedure-call', procedureName: 'procedure-call', subqueryClause: 'subquery', loadCSVClause: 'load-csv',
  command: 'command', preparserOption: 'query-options', cypherOptions: 'query-options',
  mapProjection: 'map-projection', mapProjectionElement: 'map-projection',
  dynamicExpression: 'dynamic-access', dynamicAnyAllExpression: 'dynamic-access', dynamicLabelType: 'dynamic-access', dynamicProperty: 'dynamic-access',
  pathLength: 'path', quantifier: 'path', parenthesizedPath: 'path', shortestPathPattern: 'path', shortestPathExpression: 'path', selector: 'path',
  matchMode: 'path', pathPatternNonEmpty: 'pattern-expression',
  patternComprehension: 'pattern-expression', patternExpression: 'pattern-expression', existsExpression: 'pattern-expression',
  countExpression: 'pattern-expression', collectExpression: 'pattern-expression',
  escapedSymbolicNameString: 'escaped-name', escapedSymbolicVariableNameString: 'escaped-name',
};

/**
 * Functions a research query may call (lower case). Left out on purpose: keys() and properties()
 * (they read every field, policy or not), nodes(), relationships(), startNode(), endNode() (they hand
 * out whole entities), elementId() and id(), range() (a list of a billion integers is one call away)
 * and everything in a namespace but the temporal ones.
 */
const FUNCTIONS = new Set([
  'count', 'sum', 'avg', 'min', 'max', 'collect', 'stdev', 'stdevp', 'percentilecont', 'percentiledisc',
  'coalesce', 'size', 'head', 'last', 'tail', 'reverse', 'isempty', 'nullif', 'valuetype',
  'tointeger', 'tofloat', 'tostring', 'toboolean', 'tointegerornull', 'tofloatornull', 'tostringornull', 'tobooleanornull',
  'tointegerlist', 'tofloatlist', 'tostringlist', 'tobooleanlist',
  'abs', 'ceil', 'floor', 'round', 'sign', 'sqrt', 'exp', 'log', 'log10', 'e', 'pi', 'isnan',
  'tolower', 'toupper', 'lower', 'upper', 'trim', 'ltrim', 'rtrim', 'btrim', 'replace', 'substring', 'left', 'right', 'split',
  'char_length', 'character_length',
  'date', 'datetime', 'localdatetime', 'localtime', 'time', 'duration',
  'date.truncate', 'datetime.truncate', 'localdatetime.truncate', 'duration.between', 'duration.indays', 'duration.inmonths', 'duration.inseconds',
  'type', 'labels',
]);
/** Functions that may take a node or relationship variable itself. */
const ENTITY_FUNCTIONS = new Set(['count', 'type', 'labels']);

// Anywhere in the text: C0/C1 controls (tab and line breaks aside), no-break and other Unicode
// spaces, zero-width and bidirectional controls, line and paragraph separators, the BOM and
// interlinear annotations — characters two lexers may read differently, or a reader not at all.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const STRING_TOKENS = new Set(['STRING_LITERAL1', 'STRING_LITERAL2']);

interface Context {
  readonly parents: Map<CypherNode, RuleNode>;
  readonly nodeVars: Map<string, NodeLabel>;
  /** Relationship variable → its types (empty: any type). */
  readonly relVars: Map<string, string[]>;
}

export function checkResearchQuery(text: string): CheckedQuery {
  if (text.length > MAX_QUERY_LENGTH) refuse('length', `${text.length} characters, at most ${MAX_QUERY_LENGTH}`);
  const bad = FORBIDDEN_CHARACTERS.exec(text);
  if (bad) refuse('characters', `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, bad.index);
  const parsed = parseCypher(text, { maxDepth: MAX_DEPTH, maxTokens: MAX_TOKENS });
  if (parsed.limit?.kind === 'tokens') refuse('length', `${parsed.limit.value} tokens, at most ${MAX_TOKENS}`, parsed.limit.offset);
  if (parsed.limit?.kind === 'nesting') refuse('nesting', `more than ${MAX_DEPTH} brackets or CASE expressions open at once`, parsed.limit.offset);
  // Before the syntax: a look-alike letter makes a keyword a name, and the parse fail, but it is the
  // character that the researcher has to hear about.
  for (const token of parsed.tokens) {
    if (!STRING_TOKENS.has(token.type) && /[^\x20-\x7e]/.test(token.text)) refuse('characters', `non-ASCII in ${JSON.stringify(token.text)}`, token.start);
  }
  if (parsed.errors.length > 0) refuse('syntax', parsed.errors[0]!.message, parsed.errors[0]!.offset);
  const statements = childRules(parsed.tree, 'statementOrCommand');
  if (statements.length !== 1) refuse('statements', `${statements.length} statements`);
  for (const rule of rulesOf(parsed.tree)) {
    const named = NAMED_REFUSALS[rule.rule];
    if (named) refuse(named, describe(rule), rule.start);
    if (!ALLOWED_RULES.has(rule.rule)) refuse('construct', `${rule.rule}: ${describe(rule)}`, rule.start);
  }
  const ctx: Context = { parents: parentsOf(parsed.tree), nodeVars: new Map(), relVars: new Map() };
  collectPatterns(parsed.tree, ctx);
  checkNames(parsed.tree, ctx);
  checkScope(parsed.tree, ctx);
  checkFunctions(parsed.tree);
  checkVariableUses(parsed.tree, ctx);
  return rewriteReturns(text, parsed.tree, ctx.nodeVars);
}

function describe(rule: RuleNode): string {
  const words = tokensOf(rule).map((t) => t.text).join(' ');
  return words.length > 60 ? `${words.slice(0, 57)}…` : words;
}

function parentsOf(root: RuleNode): Map<CypherNode, RuleNode> {
  const parents = new Map<CypherNode, RuleNode>();
  for (const rule of rulesOf(root)) for (const child of rule.children) parents.set(child, rule);
  return parents;
}

function ancestor(ctx: Context, node: CypherNode, rule: string): RuleNode | undefined {
  for (let p = ctx.parents.get(node); p; p = ctx.parents.get(p)) if (p.rule === rule) return p;
  return undefined;
}

const variableName = (node: RuleNode | undefined): string | undefined => (node ? textOf(node) : undefined);

/** The names of a label expression, refusing anything but one name, or (for types) names joined by |. */
function labelNames(expr: RuleNode, alternatives: boolean): string[] {
  const four = childRules(expr, 'labelExpression4')[0]!;
  const threes = childRules(four, 'labelExpression3');
  if (threes.length > 1 && !alternatives) refuse('label', `${textOf(expr)}: one label per node`, expr.start);
  return threes.map((three) => {
    const twos = childRules(three, 'labelExpression2');
    const one = twos.length === 1 ? childRules(twos[0]!, 'labelExpression1')[0] : undefined;
    const name = one ? childRules(one, 'symbolicNameString')[0] : undefined;
    if (!name || twos[0]!.children.length !== 1) refuse(alternatives ? 'relationship-type' : 'label', `${textOf(expr)}: names only, no &, !, % or parentheses`, expr.start);
    return textOf(name);
  });
}

function collectPatterns(root: RuleNode, ctx: Context): void {
  for (const rule of rulesOf(root)) {
    if (rule.rule === 'pattern' && childRules(rule, 'variable').length > 0) refuse('path', `named path ${textOf(childRules(rule, 'variable')[0]!)}`, rule.start);
    if (rule.rule === 'nodePattern') {
      const name = variableName(childRules(rule, 'variable')[0]);
      if (name === undefined) refuse('scope', `${describe(rule)} has no variable`, rule.start);
      const label = childRules(rule, 'labelExpression')[0];
      if (!label) refuse('label', `${name} has no label`, rule.start);
      const [only] = labelNames(label, false);
      if (!(NODE_LABELS as readonly string[]).includes(only!)) refuse(only === 'Identity' ? 'identity' : 'label', `:${only} is not a data label`, label.start);
      const known = ctx.nodeVars.get(name);
      if ((known !== undefined && known !== only) || ctx.relVars.has(name)) refuse('variable-reuse', `${name} is both ${known ?? 'a relationship'} and ${only}`, rule.start);
      ctx.nodeVars.set(name, only as NodeLabel);
      checkPatternMap(rule, (field) => nodeTreatment(only as NodeLabel, field));
    }
    if (rule.rule === 'relationshipPattern') {
      const name = variableName(childRules(rule, 'variable')[0]);
      const label = childRules(rule, 'labelExpression')[0];
      const types = label ? labelNames(label, true) : [];
      for (const t of types) if (!RESEARCH_REL_TYPES.includes(t)) refuse(t === 'IDENTIFIED_BY' ? 'identity' : 'relationship-type', `:${t} is not a data relationship type`, label!.start);
      if (name !== undefined) {
        if (ctx.nodeVars.has(name) || ctx.relVars.has(name)) refuse('variable-reuse', `${name} is bound twice`, rule.start);
        ctx.relVars.set(name, types);
      }
      checkPatternMap(rule, (field) => strictestRelTreatment(types, field));
    }
  }
}

/** An inline property map filters on its fields: only fields kept as stored may be filtered on. */
function checkPatternMap(pattern: RuleNode, treatment: (field: string) => Treatment): void {
  const props = childRules(pattern, 'properties')[0];
  if (!props) return;
  const map = childRules(props, 'map')[0];
  if (!map) refuse('dynamic-access', `${describe(props)}: a parameter as a property map`, props.start);
  for (const key of childRules(map, 'propertyKeyName')) {
    const t = treatment(textOf(key));
    if (t === 'withhold') refuse('withheld-property', textOf(key), key.start);
    if (t === 'pseudonymise') refuse('pseudonymised-property', `filter on ${textOf(key)}`, key.start);
  }
}

/** Identifying fields by name anywhere; every label in a label test must be a data label. */
function checkNames(root: RuleNode, ctx: Context): void {
  for (const rule of rulesOf(root)) {
    if (rule.rule === 'propertyKeyName' && IDENTIFYING_FIELDS.includes(textOf(rule))) refuse('identity', textOf(rule), rule.start);
    if (rule.rule === 'labelExpression1') {
      const name = textOf(rule);
      if (name === 'Identity' || name === 'IDENTIFIED_BY') refuse('identity', name, rule.start);
      if (!(NODE_LABELS as readonly string[]).includes(name) && !RESEARCH_REL_TYPES.includes(name)) refuse('label', `:${name}`, rule.start);
    }
    if (rule.rule === 'parameterName' && textOf(rule).startsWith('__') && textOf(rule) !== COMMUNITIES_PARAM) refuse('parameters', `$${textOf(rule)}`, rule.start);
  }
  void ctx;
}

/** The top-level AND conditions of a WHERE (none when it has an OR or XOR at the top). */
function conjuncts(where: RuleNode | undefined): RuleNode[] {
  const expression = where ? childRules(where, 'expression')[0] : undefined;
  const eleven = expression ? childRules(expression, 'expression11') : [];
  const ten = eleven.length === 1 ? childRules(eleven[0]!, 'expression10') : [];
  return ten.length === 1 ? childRules(ten[0]!, 'expression9') : [];
}

/** Whether a condition is exactly `v.communityId IN $__communities`. */
function confines(condition: RuleNode, name: string): boolean {
  const words = tokensOf(condition).map((t) => (t.type === 'IN' ? 'IN' : t.text));
  return words.join(' ') === `${name} . communityId IN $ ${COMMUNITIES_PARAM}`;
}

function checkScope(root: RuleNode, ctx: Context): void {
  for (const rule of rulesOf(root)) {
    if (rule.rule !== 'nodePattern') continue;
    const name = textOf(childRules(rule, 'variable')[0]!);
    const inline = rule.children.some((c) => c.kind === 'token' && c.type === 'WHERE') ? conjunctsOfInline(rule) : [];
    const match = ancestor(ctx, rule, 'matchClause');
    const where = match ? childRules(match, 'whereClause')[0] : undefined;
    if (![...inline, ...conjuncts(where)].some((c) => confines(c, name))) {
      refuse('scope', `${name} is not confined by ${name}.communityId IN $${COMMUNITIES_PARAM}`, rule.start);
    }
  }
}

function conjunctsOfInline(node: RuleNode): RuleNode[] {
  const expression = childRules(node, 'expression')[0];
  return expression ? conjuncts({ kind: 'rule', rule: 'whereClause', children: [expression], start: node.start, stop: node.stop }) : [];
}

function functionNameOf(fn: RuleNode): string {
  return textOf(childRules(fn, 'functionName')[0]!).toLowerCase();
}

function checkFunctions(root: RuleNode): void {
  for (const rule of rulesOf(root)) {
    if (rule.rule !== 'functionInvocation') continue;
    const name = functionNameOf(rule);
    if (name.startsWith('apoc.')) refuse('apoc', name, rule.start);
    if (!FUNCTIONS.has(name)) refuse('function', name === 'keys' || name === 'properties' ? `${name}() reads every field, whatever the policy` : `${name}()`, rule.start);
  }
}

/** The variable an expression consists of, if it is nothing but a variable. */
function bareVariable(expression: RuleNode): string | undefined {
  const tokens = tokensOf(expression);
  if (tokens.length !== 1) return undefined;
  for (const r of rulesOf(expression)) if (r.rule === 'variable') return textOf(r);
  return undefined;
}

function treatmentOf(ctx: Context, variable: string, field: string): Treatment | undefined {
  const label = ctx.nodeVars.get(variable);
  if (label) return nodeTreatment(label, field);
  const types = ctx.relVars.get(variable);
  return types ? strictestRelTreatment(types, field) : undefined;
}

/** Every use of a node or relationship variable, and every value variable's name. */
function checkVariableUses(root: RuleNode, ctx: Context): void {
  const isEntity = (name: string) => ctx.nodeVars.has(name) || ctx.relVars.has(name);
  for (const rule of rulesOf(root)) {
    const parent = ctx.parents.get(rule);
    if (rule.rule === 'variable' && parent && ['returnItem', 'unwindClause', 'listComprehension', 'listItemsPredicate'].includes(parent.rule)) {
      if (isEntity(textOf(rule))) refuse('variable-reuse', `${textOf(rule)} names a node or relationship`, rule.start);
      continue;
    }
    if (rule.rule === 'returnItems' && rule.children.some((c) => c.kind === 'token' && c.type === 'TIMES')) refuse('whole-entity', '* returns every variable', rule.start);
    if (rule.rule !== 'expression1') continue;
    const name = bareVariable(rule);
    if (name === undefined || !isEntity(name)) continue;
    const two = ctx.parents.get(rule)!;
    const postFix = childRules(two, 'postFix')[0];
    if (postFix) {
      const property = childRules(postFix, 'property')[0];
      if (!property) refuse('dynamic-access', `${name}[…]`, postFix.start);
      checkField(ctx, name, property, two);
      continue;
    }
    if (!usedWhole(ctx, rule, name)) refuse('whole-entity', name, rule.start);
  }
}

/** A node or relationship itself may be counted, typed, labelled, label-tested or passed on by WITH. */
function usedWhole(ctx: Context, expression1: RuleNode, name: string): boolean {
  const argument = ancestor(ctx, expression1, 'functionArgument');
  if (argument && textOf(argument) === name) return ENTITY_FUNCTIONS.has(functionNameOf(ctx.parents.get(argument)!));
  const item = ancestor(ctx, expression1, 'returnItem');
  if (item && textOf(item) === name && ancestor(ctx, item, 'withClause')) return true;
  const six = ancestor(ctx, expression1, 'expression6');
  const seven = six ? ctx.parents.get(six) : undefined;
  const test = seven ? childRules(seven, 'comparisonExpression6')[0] : undefined;
  return Boolean(six && test && textOf(six) === name && test.children[0]?.kind === 'rule' && test.children[0].rule === 'labelExpression');
}

/** A property of a node or relationship, by the policy. */
function checkField(ctx: Context, name: string, property: RuleNode, expression2: RuleNode): void {
  const field = textOf(childRules(property, 'propertyKeyName')[0]!);
  const treatment = treatmentOf(ctx, name, field);
  if (treatment === 'withhold') refuse('withheld-property', `${name}.${field}`, property.start);
  if (treatment !== 'pseudonymise') return;
  const item = ancestor(ctx, expression2, 'returnItem');
  const whole = item && textOf(childRules(item, 'expression')[0]!) === `${name}.${field}` && ancestor(ctx, item, 'returnClause');
  if (!whole) refuse('pseudonymised-property', `${name}.${field} outside a whole RETURN item`, property.start);
}
