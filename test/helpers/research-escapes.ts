/**
 * Attempts to escape researchQuery's rules, each with the rule that must refuse it. The checker's
 * unit test (test/unit/research) runs those the checker alone refuses; the integration test
 * (test/integration/research) runs every one through GraphQL against the real database and also
 * shows that nothing was written.
 */
import type { ResearchRule } from '../../src/research/rules.ts';

export interface Escape {
  readonly name: string;
  readonly cypher: string;
  readonly parameters?: Record<string, unknown>;
  readonly options?: { timeoutSeconds?: number; maxRows?: number };
  readonly rule: ResearchRule;
  /** checker: refused by the text alone; service: by the parameters; database: only when it runs. */
  readonly by: 'checker' | 'service' | 'database';
}

/** `v.communityId IN $__communities`: the scoping condition. */
const s = (v: string) => `${v}.communityId IN $__communities`;
const HUNDRED = `[${Array.from({ length: 100 }, (_, i) => i).join(',')}]`;
const c = (rule: ResearchRule, name: string, cypher: string, extra: Partial<Escape> = {}): Escape => ({ name, cypher, rule, by: 'checker', ...extra });

export const ESCAPES: readonly Escape[] = [
  // Writes
  c('write', 'CREATE', `CREATE (n:Resident {id: 'x', communityId: 'x'}) RETURN n.id`),
  c('write', 'SET a display name', `MATCH (r:Resident) WHERE ${s('r')} SET r.displayName = 'x' RETURN count(r)`),
  c('write', 'DETACH DELETE', `MATCH (r:Resident) WHERE ${s('r')} DETACH DELETE r`),
  c('write', 'MERGE', `MERGE (r:Resident {id: 'x'}) RETURN r.communityId`),
  c('write', 'REMOVE', `MATCH (r:Resident) WHERE ${s('r')} REMOVE r.partyMember RETURN count(*)`),
  c('write', 'FOREACH', `MATCH (r:Resident) WHERE ${s('r')} FOREACH (x IN [1] | CREATE (:Resident))`),
  c('write', 'a write after a block comment', `MATCH (r:Resident) WHERE ${s('r')} RETURN count(r) /* harmless? */ CREATE (:Resident)`),
  c('subquery', 'a write inside CALL { }', `MATCH (r:Resident) WHERE ${s('r')} CALL { CREATE (:Resident) } RETURN count(*)`),
  c('statements', 'a second statement after ;', `MATCH (r:Resident) WHERE ${s('r')} RETURN count(r); CREATE (:Resident)`),
  // Procedures, apoc, LOAD CSV, commands
  c('procedure-call', 'CALL db.labels()', 'CALL db.labels() YIELD label RETURN label'),
  c('procedure-call', 'CALL dbms.components()', 'CALL dbms.components()'),
  c('procedure-call', 'CALL apoc.load.json', `CALL apoc.load.json('http://169.254.169.254/') YIELD value RETURN value`),
  c('procedure-call', 'fulltext index procedure', `CALL db.index.fulltext.queryNodes('x', 'y') YIELD node RETURN node.id`),
  c('apoc', 'an apoc function', `RETURN apoc.text.join(['a', 'b'], ',') AS x`),
  c('load-csv', 'LOAD CSV of a local file', `LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l`),
  c('load-csv', 'load csv in lower case from a URL', `load csv with headers from 'http://169.254.169.254/latest' as l return l`),
  c('command', 'SHOW USERS', 'SHOW USERS'),
  c('query-options', 'EXPLAIN of our own', `EXPLAIN MATCH (r:Resident) WHERE ${s('r')} RETURN count(r)`),
  c('query-options', 'PROFILE', `PROFILE MATCH (r:Resident) WHERE ${s('r')} RETURN count(r)`),
  c('query-options', 'CYPHER options', `CYPHER runtime=slotted MATCH (r:Resident) WHERE ${s('r')} RETURN count(r)`),
  // Dynamic access, projections, property-reading functions
  c('dynamic-access', 'n[$key]', `MATCH (r:Resident) WHERE ${s('r')} RETURN r[$k] AS v`, { parameters: { k: 'displayName' } }),
  c('dynamic-access', "n['displayName']", `MATCH (r:Resident) WHERE ${s('r')} RETURN r['displayName'] AS v`),
  c('dynamic-access', 'a dynamic label :$(…)', `MATCH (n:$($label)) WHERE ${s('n')} RETURN count(n)`, { parameters: { label: 'Identity' } }),
  c('dynamic-access', 'a parameter as the property map', `MATCH (r:Resident $props) WHERE ${s('r')} RETURN count(r)`, { parameters: { props: { displayName: '徐姐' } } }),
  c('function', 'properties()', `MATCH (r:Resident) WHERE ${s('r')} RETURN properties(r) AS p`),
  c('function', 'keys()', `MATCH (r:Resident) WHERE ${s('r')} RETURN keys(r) AS k`),
  c('function', 'elementId()', `MATCH (r:Resident) WHERE ${s('r')} RETURN elementId(r) AS e`),
  c('function', 'startNode() of a relationship', `MATCH (r:Resident)-[k:KNOWS]->(t:Resident) WHERE ${s('r')} AND ${s('t')} RETURN startNode(k).displayName AS n`),
  c('function', 'range() for a billion rows', 'UNWIND range(1, 1000000000) AS x RETURN count(x)'),
  c('map-projection', 'n{.*}', `MATCH (r:Resident) WHERE ${s('r')} RETURN r{.*} AS m`),
  c('map-projection', 'n{.displayName}', `MATCH (r:Resident) WHERE ${s('r')} RETURN r{.displayName} AS m`),
  c('construct', 'reduce() doubling a string', `RETURN reduce(t = 'a', x IN [1, 2, 3, 4] | t + t) AS t`),
  // Whole entities
  c('whole-entity', 'RETURN a node', `MATCH (r:Resident) WHERE ${s('r')} RETURN r`),
  c('whole-entity', 'RETURN *', `MATCH (r:Resident) WHERE ${s('r')} RETURN *`),
  c('whole-entity', 'collect(node)', `MATCH (r:Resident) WHERE ${s('r')} RETURN collect(r) AS rs`),
  c('whole-entity', 'RETURN a relationship', `MATCH (r:Resident)-[k:KNOWS]->(t:Resident) WHERE ${s('r')} AND ${s('t')} RETURN k`),
  c('whole-entity', 'rename a node in WITH', `MATCH (r:Resident) WHERE ${s('r')} WITH r AS x RETURN x.displayName AS n`),
  c('whole-entity', 'a node in a list, unwound', `MATCH (r:Resident) WHERE ${s('r')} WITH [r] AS rs UNWIND rs AS x RETURN x.displayName AS n`),
  c('path', 'a named path', `MATCH p = (r:Resident)-[:KNOWS]->(t:Resident) WHERE ${s('r')} AND ${s('t')} RETURN p`),
  // Identity, through labels, types, properties and paths
  c('identity', 'Identity through IDENTIFIED_BY', `MATCH (r:Resident)-[:IDENTIFIED_BY]->(i:Identity) WHERE ${s('r')} AND ${s('i')} RETURN i.realName`),
  c('identity', 'the Identity label itself', `MATCH (i:Identity) WHERE ${s('i')} RETURN i.phone AS p`),
  c('identity', 'realName on a resident', `MATCH (r:Resident) WHERE ${s('r')} RETURN r.realName AS n`),
  c('identity', 'a label test for Identity', `MATCH (r:Resident) WHERE ${s('r')} AND r:Identity RETURN count(r)`),
  c('label', 'an unlabelled neighbour (Identity by the back door)', `MATCH (r:Resident)-->(i) WHERE ${s('r')} AND ${s('i')} RETURN i.realName AS n`),
  c('label', 'API tokens', `MATCH (t:ApiToken) WHERE ${s('t')} RETURN t.hash`),
  c('label', 'a label disjunction', `MATCH (r:Resident|Partner) WHERE ${s('r')} RETURN count(r)`),
  c('label', 'a negated label', `MATCH (r:!Resident) WHERE ${s('r')} RETURN count(r)`),
  c('label', 'any label %', `MATCH (r:%) WHERE ${s('r')} RETURN count(r)`),
  c('escaped-name', 'a backticked label', `MATCH (r:\`Identity\`) WHERE ${s('r')} RETURN r.id`),
  c('pattern-expression', 'EXISTS { } reaching Identity', `MATCH (r:Resident) WHERE ${s('r')} AND EXISTS { (r)-[:IDENTIFIED_BY]->(:Identity {realName: '徐'}) } RETURN count(r)`),
  c('pattern-expression', 'a pattern comprehension', `MATCH (r:Resident) WHERE ${s('r')} RETURN [(r)-[:IDENTIFIED_BY]->(i) | i.realName] AS n`),
  c('path', 'a variable-length path', `MATCH (r:Resident)-[*1..3]-(x:Resident) WHERE ${s('r')} AND ${s('x')} RETURN count(*)`),
  c('path', 'shortestPath', `MATCH (a:Resident), (b:Resident) WHERE ${s('a')} AND ${s('b')} RETURN length(shortestPath((a)-[*]-(b))) AS l`),
  c('path', 'a quantified path pattern', `MATCH (a:Resident)((x:Resident)-[:KNOWS]->(y:Resident)){1,3}(b:Resident) WHERE ${s('a')} AND ${s('b')} RETURN count(*)`),
  // Scope
  c('scope', 'no scoping condition', 'MATCH (r:Resident) RETURN count(r)'),
  c('scope', 'scoping OR true', `MATCH (r:Resident) WHERE ${s('r')} OR true RETURN count(r)`),
  c('scope', 'scoping negated', `MATCH (r:Resident) WHERE NOT ${s('r')} RETURN count(r)`),
  c('scope', 'a neighbour left unscoped (cross-community tie)', `MATCH (r:Resident)-[:KNOWS]->(t:Resident) WHERE ${s('r')} RETURN t.building`),
  c('scope', 'the community list extended', `MATCH (r:Resident) WHERE r.communityId IN $__communities + ['other'] RETURN count(r)`),
  c('scope', 'a community list of my own', 'MATCH (r:Resident) WHERE r.communityId IN $mine RETURN count(r)', { parameters: { mine: ['other'] } }),
  c('scope', 'a second MATCH without a WHERE', `MATCH (r:Resident) WHERE ${s('r')} MATCH (t:Resident) RETURN count(t)`),
  c('scope', 'OPTIONAL MATCH re-using a scoped variable', `MATCH (r:Resident) WHERE ${s('r')} OPTIONAL MATCH (r:Resident)-[:KNOWS]->(t:Resident) RETURN count(t)`),
  c('scope', 'inline WHERE with OR', `MATCH (r:Resident WHERE ${s('r')} OR true) RETURN count(r)`),
  c('scope', 'scoping inside a parenthesised OR', `MATCH (r:Resident), (t:Resident) WHERE ${s('r')} AND (${s('t')} OR true) RETURN count(t)`),
  c('scope', 'a node without a variable', `MATCH (r:Resident)-[:KNOWS]->(:Resident) WHERE ${s('r')} RETURN count(r)`),
  c('parameters', 'overriding $__communities', `MATCH (r:Resident) WHERE ${s('r')} RETURN count(r)`, { parameters: { __communities: ['other'] }, by: 'service' }),
  c('parameters', 'another reserved parameter', `MATCH (r:Resident) WHERE ${s('r')} RETURN $__other AS x`),
  // Pseudonymised and withheld fields
  c('pseudonymised-property', 'filter on a display name', `MATCH (r:Resident) WHERE ${s('r')} AND r.displayName = '徐姐' RETURN count(r)`),
  c('pseudonymised-property', 'the first character of a name', `MATCH (r:Resident) WHERE ${s('r')} RETURN substring(r.displayName, 0, 1) AS first`),
  c('pseudonymised-property', 'collect(names)', `MATCH (r:Resident) WHERE ${s('r')} RETURN collect(r.displayName) AS names`),
  c('pseudonymised-property', 'a name through WITH', `MATCH (r:Resident) WHERE ${s('r')} WITH r.displayName AS n RETURN n`),
  c('pseudonymised-property', 'a name in the pattern map', `MATCH (r:Resident {displayName: '徐姐'}) WHERE ${s('r')} RETURN count(r)`),
  c('pseudonymised-property', 'ORDER BY a name', `MATCH (r:Resident) WHERE ${s('r')} RETURN r.id ORDER BY r.displayName`),
  c('pseudonymised-property', 'toString of a resident id', `MATCH (r:Resident) WHERE ${s('r')} RETURN toString(r.id) AS i`),
  c('pseudonymised-property', 'a UNION mixing pseudonyms and ids', `MATCH (r:Resident) WHERE ${s('r')} RETURN r.id AS x UNION MATCH (o:Organization) WHERE ${s('o')} RETURN o.id AS x`),
  c('withheld-property', 'a project description', `MATCH (p:Project) WHERE ${s('p')} RETURN p.description`),
  c('withheld-property', 'a time-bank service text', `MATCH (a:Resident)-[e:EXCHANGED]->(b:Resident) WHERE ${s('a')} AND ${s('b')} RETURN e.service`),
  c('withheld-property', 'the evidence of a stage change', `MATCH (r:Resident)-[h:CHANGED]->(m:Community) WHERE ${s('r')} AND ${s('m')} RETURN h.evidence`),
  c('withheld-property', 'a field outside the model', `MATCH (r:Resident) WHERE ${s('r')} RETURN r.secretNote AS x`),
  c('withheld-property', 'free text through an untyped relationship', `MATCH (r:Resident)-[k]->(x:Resident) WHERE ${s('r')} AND ${s('x')} RETURN k.service AS t`),
  c('variable-reuse', 'a node variable re-bound by UNWIND', `MATCH (r:Resident) WHERE ${s('r')} UNWIND [1] AS r RETURN r`),
  c('variable-reuse', 'one variable for two labels', `MATCH (r:Resident) WHERE ${s('r')} MATCH (r:Organization) WHERE ${s('r')} RETURN count(r)`),
  // Characters and string tricks
  c('characters', 'a Cyrillic С in CREATE', `MATCH (r:Resident) WHERE ${s('r')} RETURN count(r) \u0421REATE (:Resident)`),
  c('characters', 'a line separator ending a // comment', `MATCH (r:Resident) WHERE ${s('r')} RETURN count(r) // note\u2028CREATE (:Resident)`),
  c('characters', 'a zero-width space inside a keyword', `MA\u200bTCH (r:Resident) WHERE ${s('r')} RETURN count(r)`),
  c('characters', 'a full-width letter in a keyword', `\uff2dATCH (r:Resident) WHERE ${s('r')} RETURN count(r)`),
  c('characters', 'a NUL', `MATCH (r:Resident) WHERE ${s('r')} RETURN count(r)\u0000`),
  c('characters', 'a right-to-left override', `MATCH (r:Resident) WHERE ${s('r')} RETURN '\u202e' AS x`),
  c('syntax', 'an unclosed string hiding a write', `MATCH (r:Resident) WHERE ${s('r')} RETURN 'x AS y CREATE (:Resident)`),
  c('length', 'a query past the length limit', `MATCH (r:Resident) WHERE ${s('r')} RETURN count(r) /* ${'x'.repeat(10_000)} */`),
  c('nesting', 'brackets nested past the limit', `RETURN ${'['.repeat(13)}1${']'.repeat(13)} AS x`),
  c('nesting', 'CASE expressions nested past the limit (their parse time grows steeply)', `RETURN ${'CASE WHEN true THEN '.repeat(13)}1${' END'.repeat(13)} AS x`),
  c('length', 'more tokens than the limit', `RETURN ${Array.from({ length: 800 }, () => '1').join('+')} AS x`),
  // Only the database can tell
  c('timeout', 'ten billion rows past a 1 s timeout', `UNWIND ${HUNDRED} AS a UNWIND ${HUNDRED} AS b UNWIND ${HUNDRED} AS x UNWIND ${HUNDRED} AS y UNWIND ${HUNDRED} AS z RETURN count(*) AS n`, { options: { timeoutSeconds: 1 }, by: 'database' }),
];
