/**
 * Property-based fuzzing of the GraphQL API: fast-check arbitraries derived from the schema's own
 * input types (scalars, enums, lists, input objects), mixing valid values and ids of the test's
 * data with hostile ones; a document per root field; the checks every answer must pass; and a
 * digest of everything a call could have written, to show that a refused call wrote nothing.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  buildSchema, getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType,
  isRequiredArgument, isScalarType, type GraphQLField, type GraphQLInputType, type GraphQLOutputType, type GraphQLSchema,
} from 'graphql';
import { ERROR_CODES } from '../../src/domain/errors.ts';
import { QUERY_TOO_COMPLEX } from '../../src/server/limits/refusal.ts';
import { typeDefs } from '../../src/schema/sdl.ts';
import type { Database } from '../../src/db/database.ts';
import type { GqlResult } from './api.ts';

/** The seed every fuzz file uses unless FUZZ_SEED is set; printed so that a failure can be replayed. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20250301);

/** The codes the API answers with (src/domain/errors.ts, and the query limits' refusal). */
export const KNOWN_CODES = new Set<string>([...ERROR_CODES, QUERY_TOO_COMPLEX]);

export function apiSchema(): GraphQLSchema {
  return buildSchema(typeDefs());
}

/** Strings that break naive code: NUL, lone surrogates, bidi overrides, number-like text, injection, long text. */
export const HOSTILE_STRINGS: readonly string[] = [
  '', ' ', '\t\n', '\u0000', 'a\u0000b', '\uD800', 'x\uDC00y', '\u202Eevil\u202C', '\u200B', '\uFEFF', '\u0301'.repeat(300),
  'NaN', 'Infinity', '-Infinity', '-1', '1e309', '9007199254740993', '0x10', '١٢٣',
  "' OR 1=1 //", '}) DETACH DELETE n //', '$__communities', '${x}', '{{x}}', '<script>alert(1)</script>', '\\', '"', '`',
  '../../etc/passwd', '%00', '👩‍👩‍👧', '𠀀𠀁', '２０２５－０３－０１', 'x'.repeat(10_001), '长'.repeat(20_000),
];

const DATES: readonly string[] = [
  '2025-03-01', '2025-03-01T09:30:00Z', '2025-03-01T09:30:00+08:00', '2024-02-29T00:00:00Z', '1970-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00Z',
  '2025-02-30', '2025-13-01', '2025-03-01T24:00:00Z', '2025-03-01T09:30:00+25:00', '2025/03/01', '2025年3月1日', 'now', '1740787200000',
];

export interface IdPools {
  /** Nodes and relationships of the test's community. */
  own: string[];
  /** Nodes and relationships of another community: a write through them must be refused. */
  foreign: string[];
  communities: string[];
}

const fresh = fc.uuid().map((u) => `fz-${u.slice(0, 13)}`);
const hostileString = fc.constantFrom(...HOSTILE_STRINGS);

/** Valid-looking values and their hostile counterparts, per scalar. */
const VALID = {
  string: fc.constantFrom('王阿姨', 'sample 样例', '广场舞队', 'cooking', 'a'),
  int: fc.integer({ min: 0, max: 40 }),
  // Weights, shares and factors: the analytics take 0 or 1e-6 … 1e6, so tiny denormals are hostile, not valid.
  float: fc.oneof(fc.constantFrom(0, 0.5, 1, 2), fc.integer({ min: 1, max: 1000 }).map((n) => n / 1000)),
  date: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
};
const HOSTILE = {
  string: fc.oneof(hostileString, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 })),
  int: fc.oneof(
    fc.integer({ min: -3, max: -1 }), fc.constantFrom(1_000_000, 2 ** 31 - 1, -(2 ** 31), 100_001), fc.integer(),
    // Outside GraphQL's 32-bit Int: refused by the coercion, never by a crash.
    fc.constantFrom(2 ** 31, 2 ** 53 + 1, 1.5),
  ),
  float: fc.oneof(fc.double({ min: -2, max: 3, noNaN: true }), fc.constantFrom(-0, 1e308, -1e308, 5e-324, 1e-12, 1e6), fc.double({ noNaN: true, noDefaultInfinity: true })),
  date: fc.oneof(fc.constantFrom(...DATES), hostileString),
};
/** A value of the wrong JavaScript type for any GraphQL type: GraphQL's coercion must refuse it as BAD_USER_INPUT. */
const wrongType = fc.constantFrom<unknown>(42, 'text', true, [], {}, [1, 'a'], { nested: { deep: [null] } });

/**
 * How often a position gets a hostile value: out of 40 + h. A call is either gentle (h = 1: most
 * calls valid or off by one field, so that they reach the checks behind the first) or hostile
 * (h = 20: many bad fields at once).
 */
export type Hostility = number;

const mix = <T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>, h: Hostility): fc.Arbitrary<T> => {
  const weight = Math.round(h * 10);
  return weight <= 0 ? valid : fc.oneof({ weight: 400, arbitrary: valid }, { weight, arbitrary: hostile });
};

export const stringArb = mix(VALID.string, HOSTILE.string, 20);

function idArb(pools: IdPools, fieldName: string, h: Hostility): fc.Arbitrary<string> {
  if (/^communityId$/i.test(fieldName)) {
    return mix(fc.constant(pools.communities[0]!), fc.oneof(fc.constantFrom(...pools.communities), fresh, hostileString), h);
  }
  return mix(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pools.own) }, { weight: 1, arbitrary: fresh }), fc.oneof(fc.constantFrom(...pools.foreign), hostileString), h);
}

/** A JSON value for a row of importRows (or a research query's parameters): column-like keys, hostile values, or any JSON. */
function jsonArb(pools: IdPools, h: Hostility): fc.Arbitrary<unknown> {
  const column = fc.constantFrom('id', 'communityId', 'displayName', 'name', 'type', 'from', 'to', 'since', 'until', 'at', 'role', 'housingType', 'quantity', 'hours', 'points', 'amount', 'kind', 'createdAt', 'endedAt', 'label', 'nodeId', 'field', 'evidence', '显示名（化名）', 'bogus');
  const value = fc.oneof(mix(VALID.string, HOSTILE.string, h), idArb(pools, 'id', h), idArb(pools, 'communityId', h), mix(VALID.date, HOSTILE.date, h), mix(VALID.int, HOSTILE.int, h), fc.boolean(), fc.constant(null), fc.array(VALID.string, { maxLength: 3 }));
  return mix(fc.dictionary(column, value, { maxKeys: 8 }), fc.jsonValue({ maxDepth: 3 }), h);
}

/**
 * An arbitrary for a GraphQL input type; `fieldName` lets ids, community ids and dates be picked
 * from the right pools; `h` is how hostile each position is.
 */
export function inputArbitrary(type: GraphQLInputType, pools: IdPools, fieldName = '', h: Hostility = 20, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return mix(inputArbitrary(type.ofType, pools, fieldName, h, depth), fc.oneof(fc.constant(null), wrongType), h / 10);
  }
  if (isListType(type)) {
    const item = inputArbitrary(type.ofType, pools, fieldName, h, depth + 1);
    return mix(fc.array(item, { maxLength: depth > 2 ? 1 : 4 }), item, h / 4);
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((v) => v.name);
    return mix(fc.constantFrom(...names), fc.oneof(fc.constantFrom(...names).map((n) => n.toLowerCase()), hostileString, fc.constant('NOT_A_TERM')), h / 4);
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    if (depth > 3) return fc.constant({});
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) shape[f.name] = inputArbitrary(f.type, pools, f.name, h, depth + 1);
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    const record = fc.record(shape, { requiredKeys: required as never[] }) as fc.Arbitrary<Record<string, unknown>>;
    return mix(record, record.map((r) => ({ ...r, bogus: 1 })), h / 10);
  }
  if (isScalarType(type)) {
    const scalar: fc.Arbitrary<unknown> = (() => {
      switch (type.name) {
        case 'ID': return idArb(pools, fieldName, h);
        case 'String': return /id$/i.test(fieldName) ? idArb(pools, fieldName, h) : mix(VALID.string, HOSTILE.string, h);
        case 'Int': return mix(VALID.int, HOSTILE.int, h);
        case 'Float': return mix(VALID.float, HOSTILE.float, h);
        case 'Boolean': return fc.boolean();
        case 'DateTime': return mix(VALID.date, HOSTILE.date, h);
        case 'JSON': return jsonArb(pools, h);
        default: throw new Error(`no arbitrary for scalar ${type.name}`);
      }
    })();
    return mix(scalar, wrongType, h / 10);
  }
  throw new Error(`no arbitrary for ${String(type)}`);
}

/** Variables for a root field, gentle or hostile: required arguments always present, optional ones sometimes left out. */
export function argumentsArbitrary(field: GraphQLField<unknown, unknown>, pools: IdPools, overrides: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<Record<string, unknown>> {
  const withHostility = (h: Hostility) => {
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const a of field.args) shape[a.name] = overrides[a.name] ?? inputArbitrary(a.type, pools, a.name, h);
    const required = field.args.filter(isRequiredArgument).map((a) => a.name);
    return fc.record(shape, { requiredKeys: required as never[] }) as fc.Arbitrary<Record<string, unknown>>;
  };
  return fc.oneof(withHostility(1), withHostility(20));
}

/** Leaf fields of an output type, and (down to `depth`) of the objects under it, so that field resolvers run too. */
function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const parts: string[] = ['__typename'];
  for (const f of Object.values(named.getFields())) {
    if (f.args.some(isRequiredArgument)) continue;
    const inner = getNamedType(f.type);
    if (isLeafType(inner)) parts.push(f.name);
    else if (depth > 1) parts.push(`${f.name} ${selection(f.type, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** One operation calling the field with every argument as a variable. */
export function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, depth = 2): string {
  const vars = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind} Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection(field.type, depth)} }`;
}

/**
 * The problems with one answer: an internal error, an unknown code, a bad-input refusal that names
 * no field. Empty when the answer is acceptable.
 */
export function answerProblems(result: GqlResult<unknown>, status: number): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`HTTP ${status}`);
  for (const e of result.errors ?? []) {
    const code = e.extensions?.code as string | undefined;
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) problems.push(`internal error: ${e.message}`);
    else if (!KNOWN_CODES.has(code)) problems.push(`unknown code ${code}: ${e.message}`);
    else if (code === 'BAD_USER_INPUT' && typeof e.extensions?.field !== 'string') problems.push(`BAD_USER_INPUT without a field: ${e.message}`);
  }
  return problems;
}

/** Every string in a value, deduplicated (the ids a call could have written under). */
export function stringsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (value.length <= 300) out.add(value);
  } else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringsIn(v, out));
  return out;
}

const stable = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(stable);
  const ctor = (value as object).constructor?.name ?? '';
  if (ctor === 'Integer' || /Date|Time|Duration|Point/.test(ctor)) return String(value);
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, stable((value as Record<string, unknown>)[k])]));
};

/**
 * Everything stored under a set of community ids, or with one of a set of node ids (any label):
 * nodes with labels and properties, relationships touching them with type, ends and properties,
 * as counts and one SHA-256. Audit entries (no community) are outside it: a refused call is audited.
 */
export async function digestWorld(db: Database, communityIds: Iterable<string>, nodeIds: Iterable<string> = []): Promise<string> {
  const session = db.driver.session();
  try {
    const params = { cs: [...new Set(communityIds)], ids: [...new Set(nodeIds)] };
    // One pass over the nodes; each relationship is listed from both of its ends when both are watched, so it is keyed by its element id.
    const result = await session.run(
      `MATCH (n) WHERE (n.communityId IN $cs OR n.id IN $ids) AND NOT n:AuditEntry
       OPTIONAL MATCH (n)-[r]-()
       WITH n, collect([elementId(r), type(r), elementId(startNode(r)), elementId(endNode(r)), properties(r)]) AS rels
       RETURN elementId(n) AS e, labels(n) AS labels, properties(n) AS props, rels ORDER BY e`, params);
    const nodes: string[] = [];
    const rels = new Map<string, string>();
    for (const r of result.records) {
      nodes.push(JSON.stringify([r.get('e'), r.get('labels'), stable(r.get('props'))]));
      for (const rel of r.get('rels') as unknown[][]) if (rel[0] !== null) rels.set(rel[0] as string, JSON.stringify(stable(rel)));
    }
    const hash = createHash('sha256');
    for (const n of nodes) hash.update(n);
    for (const key of [...rels.keys()].sort()) hash.update(rels.get(key)!);
    return `${nodes.length} nodes, ${rels.size} relationships, ${hash.digest('hex')}`;
  } finally {
    await session.close();
  }
}

/** Per-field tallies of what the fuzz saw, printed at the end so a reader sees the paths it reached. */
export class Tally {
  private readonly rows = new Map<string, Map<string, number>>();
  add(field: string, outcome: string): void {
    const row = this.rows.get(field) ?? new Map<string, number>();
    row.set(outcome, (row.get(outcome) ?? 0) + 1);
    this.rows.set(field, row);
  }
  print(title: string): void {
    const lines = [...this.rows].map(([f, row]) => `  ${f}: ${[...row].map(([o, n]) => `${o} ${n}`).join(', ')}`);
    console.log(`${title}\n${lines.join('\n')}`);
  }
  count(outcome: string): number {
    let n = 0;
    for (const row of this.rows.values()) n += row.get(outcome) ?? 0;
    return n;
  }
}
