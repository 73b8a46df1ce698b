/**
 * Builds the model part of the GraphQL SDL (enums, node types, connections, inputs, relationship
 * types, transition mutations) and the analytics' enums from src/domain. The hand-written rest is in
 * the .graphql files beside it (base, export, import, analytics-*; typeDefs() joins them);
 * `npm run schema:print` writes the whole SDL to docs/schema.graphql for readers.
 */
import { readFileSync } from 'node:fs';
import { ANALYTICS_VOCABULARIES, VOCABULARIES, type Term } from '../domain/vocabulary.ts';
import {
  NODE_LABELS, NODE_SPECS, REL_KINDS, REL_SPECS, relsTouching, stateProps,
  type NodeLabel, type PropSpec, type PropType, type RelKind,
} from '../domain/model.ts';
import { MACHINES } from '../domain/transitions.ts';
import { gqlNames } from './sdl-names.ts';

const desc = (zh: string, en: string) => `"""${en} / ${zh}"""`;

function gqlType(type: PropType): string {
  switch (type.kind) {
    case 'string': return 'String';
    case 'int': return 'Int';
    case 'float': return 'Float';
    case 'boolean': return 'Boolean';
    case 'datetime': return 'DateTime';
    case 'strings': return '[String!]';
    case 'enum': return type.vocabulary;
  }
}

/** One enum per vocabulary of a table, each term described in English and Chinese. */
function enums(table: Readonly<Record<string, { description: Term; terms: Readonly<Record<string, Term>> }>>): string {
  return Object.entries(table)
    .map(([name, v]) => {
      const terms = Object.entries(v.terms)
        .map(([term, t]) => `  ${desc(t.zh, t.en)}\n  ${term}`)
        .join('\n');
      return `${desc(v.description.zh, v.description.en)}\nenum ${name} {\n${terms}\n}`;
    })
    .join('\n\n');
}

const endpointType = (labels: readonly NodeLabel[]) => (labels.length === 1 ? labels[0]! : 'Node');
const props = (label: NodeLabel): [string, PropSpec][] => Object.entries(NODE_SPECS[label].props as Record<string, PropSpec>);

function nodeType(label: NodeLabel): string {
  const spec = NODE_SPECS[label];
  const lines = [
    'id: ID!', 'communityId: ID!', 'createdAt: DateTime!', 'updatedAt: DateTime', 'endedAt: DateTime',
    ...props(label).map(([name, p]) => `${desc(p.zh, p.en)}\n  ${name}: ${gqlType(p.type)}${p.required || p.state ? '!' : ''}`),
    ...relsTouching(label).map(({ kind, direction }) => {
      const r = REL_SPECS[kind];
      const field = direction === 'out' ? r.gql.outField : r.gql.inField;
      return `${desc(r.zh, r.en)}\n  ${field}: [${r.gql.typeName}!]!`;
    }),
  ];
  if (stateProps(label).length > 0) lines.push('"""State changes, oldest first / 状态变更历史"""\n  history: [StateChange!]!');
  if (label === 'Resident') {
    lines.push('"""Identifying details (ADMIN, ANALYST only) / 身份信息"""\n  identity: Identity');
    lines.push('"""Tells residents of one name apart in rankings: display name · housing area and building ("林师傅 · 锦绣华庭 3栋"); for RESEARCHER the pseudonym · a pseudonym of the area / 区分同名居民的标签：显示名 · 院落/小区与楼栋（研究者看到化名与小区代号）"""\n  label: String!');
  }
  return `${desc(spec.zh, spec.en)}\ntype ${label} implements Node {\n  ${lines.join('\n  ')}\n}

type ${label}Edge {\n  cursor: String!\n  node: ${label}!\n}

type ${label}Connection {\n  edges: [${label}Edge!]!\n  pageInfo: PageInfo!\n  totalCount: Int!\n}`;
}

function filterInput(label: NodeLabel): string {
  const lines = ['"""Only these communities (default: every community the token may see)"""\n  communityIds: [ID!]',
    `"""Case-insensitive substring of ${NODE_SPECS[label].searchProp}"""\n  search: String`,
    'createdFrom: DateTime', 'createdTo: DateTime'];
  for (const [name, p] of props(label)) {
    if (p.type.kind === 'enum') lines.push(`${name}: [${p.type.vocabulary}!]`);
    if (p.type.kind === 'boolean') lines.push(`${name}: Boolean`);
    if (p.type.kind === 'datetime') lines.push(`${name}From: DateTime`, `${name}To: DateTime`);
  }
  return `input ${label}Filter {\n  ${lines.join('\n  ')}\n}`;
}

function createInput(label: NodeLabel): string {
  const lines = ['"""Stable id; generated when absent"""\n  id: ID'];
  if (label !== 'Community') lines.push('communityId: ID!');
  for (const [name, p] of props(label)) {
    lines.push(`${name}: ${gqlType(p.type)}${p.required && !p.state ? '!' : ''}`);
  }
  return `input Create${label}Input {\n  ${lines.join('\n  ')}\n}`;
}

function updateInput(label: NodeLabel): string {
  const lines = props(label)
    .filter(([, p]) => !p.state)
    .map(([name, p]) => `${name}: ${gqlType(p.type)}`);
  lines.push('"""When the node ceased to exist (a group dissolved, a resident moved away)"""\n  endedAt: DateTime');
  return `"""Only the fields given change; null clears an optional field. State fields change through their own mutations."""\ninput Update${label}Input {\n  ${lines.join('\n  ')}\n}`;
}

function relType(kind: RelKind): string {
  const r = REL_SPECS[kind];
  const time = r.time === 'span' ? ['since: DateTime', 'until: DateTime'] : ['at: DateTime!'];
  const own = Object.entries(r.props as Record<string, PropSpec>).map(
    ([name, p]) => `${desc(p.zh, p.en)}\n  ${name}: ${gqlType(p.type)}${p.required ? '!' : ''}`,
  );
  const lines = ['id: ID!', ...time, ...own, 'createdAt: DateTime!',
    `${r.gql.fromField}: ${endpointType(r.from)}`, `${r.gql.toField}: ${endpointType(r.to)}`];
  return `${desc(r.zh, r.en)}\ntype ${r.gql.typeName} {\n  ${lines.join('\n  ')}\n}`;
}

function relInput(kind: RelKind): string {
  const r = REL_SPECS[kind];
  const time = r.time === 'span' ? ['since: DateTime', 'until: DateTime'] : ['at: DateTime!'];
  const own = Object.entries(r.props as Record<string, PropSpec>).map(
    ([name, p]) => `${name}: ${gqlType(p.type)}${p.required ? '!' : ''}`,
  );
  const ends = [`"""${r.from.join(' or ')}"""\n  ${gqlNames.fromIdArg(kind)}: ID!`, `"""${r.to.join(' or ')}"""\n  ${gqlNames.toIdArg(kind)}: ID!`];
  return `input Add${r.gql.typeName}Input {\n  """Stable id; generated when absent"""\n  id: ID\n  ${[...ends, ...time, ...own].join('\n  ')}\n}`;
}

function relKindEnum(): string {
  const terms = REL_KINDS.map((k) => `  ${desc(REL_SPECS[k].zh, `${REL_SPECS[k].en} (${REL_SPECS[k].type})`)}\n  ${k}`);
  return `"""Kinds of relationship / 关系类型"""\nenum RelationshipKind {\n${terms.join('\n')}\n}`;
}

/** The files of a dataset (src/interchange/columns.ts): every label, every kind, and state changes. */
function datasetFileEnum(): string {
  const terms = [
    ...NODE_LABELS.map((l) => `  ${desc(NODE_SPECS[l].zh, NODE_SPECS[l].en)}\n  ${l}`),
    ...REL_KINDS.map((k) => `  ${desc(REL_SPECS[k].zh, REL_SPECS[k].en)}\n  ${k}`),
    `  ${desc('状态变更', 'State changes')}\n  STATE_CHANGE`,
  ];
  return `${desc('数据文件类型', 'Kinds of dataset file')}\nenum DatasetFile {\n${terms.join('\n')}\n}`;
}

function transitionInputs(): { inputs: string[]; mutations: string[] } {
  const inputs: string[] = [];
  const mutations: string[] = [];
  for (const label of NODE_LABELS) {
    for (const field of Object.keys(MACHINES[label] ?? {})) {
      const p = (NODE_SPECS[label].props as Record<string, PropSpec>)[field]!;
      const name = gqlNames.change(label, field);
      const input = `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`;
      inputs.push(`input ${input} {\n  id: ID!\n  to: ${gqlType(p.type)}!\n  """When it happened (default: now)"""\n  at: DateTime\n  """What shows it: an event, a role taken on, a decision / 依据"""\n  evidence: String\n}`);
      mutations.push(`  ${desc(`变更${p.zh}（仅允许的转换）`, `Change ${p.en.toLowerCase()} through an allowed transition; the change is kept in history`)}\n  ${name}(input: ${input}!): ${label}!`);
    }
  }
  return { inputs, mutations };
}

export function modelTypeDefs(): string {
  const parts: string[] = [enums(VOCABULARIES), relKindEnum(), datasetFileEnum()];
  const queries: string[] = [];
  const mutations: string[] = [];
  for (const label of NODE_LABELS) {
    parts.push(nodeType(label), filterInput(label), createInput(label), updateInput(label));
    const spec = NODE_SPECS[label];
    queries.push(`  ${desc(spec.zh, `One ${spec.en.toLowerCase()} by id`)}\n  ${gqlNames.byId(label)}(id: ID!): ${label}`);
    queries.push(`  ${desc(spec.zh + '列表', `${spec.en} list, ordered by id`)}\n  ${gqlNames.list(label)}(first: Int = 20, after: String, filter: ${label}Filter): ${label}Connection!`);
    mutations.push(`  ${gqlNames.create(label)}(input: Create${label}Input!): ${label}!`);
    mutations.push(`  ${gqlNames.update(label)}(id: ID!, input: Update${label}Input!): ${label}!`);
    mutations.push(`  ${gqlNames.remove(label)}(id: ID!): DeletePayload!`);
  }
  for (const kind of REL_KINDS) {
    parts.push(relType(kind), relInput(kind));
    mutations.push(`  ${desc(REL_SPECS[kind].zh, REL_SPECS[kind].en)}\n  ${REL_SPECS[kind].gql.add}(input: Add${REL_SPECS[kind].gql.typeName}Input!): ${REL_SPECS[kind].gql.typeName}!`);
  }
  const t = transitionInputs();
  parts.push(...t.inputs);
  mutations.push(...t.mutations);
  parts.push(`extend type Query {\n${queries.join('\n')}\n}`, `extend type Mutation {\n${mutations.join('\n')}\n}`);
  return parts.join('\n\n');
}

export function baseTypeDefs(): string {
  return readFileSync(new URL('./base.graphql', import.meta.url), 'utf8');
}

/** The analytics' SDL, one file per area, in the order of docs/schema.graphql. */
const ANALYTICS_SDL = ['network', 'centrality', 'communities', 'bridging', 'mixing', 'activity', 'runs', 'timeline'].map((area) => `analytics-${area}.graphql`);

export function typeDefs(): string {
  const extra = ['export.graphql', 'import.graphql', ...ANALYTICS_SDL, 'cultivation.graphql', 'research.graphql', 'matching.graphql'].map((f) => readFileSync(new URL(`./${f}`, import.meta.url), 'utf8'));
  extra.push(readFileSync(new URL('./publicness.graphql', import.meta.url), 'utf8'));
  extra.push(readFileSync(new URL('./audit.graphql', import.meta.url), 'utf8'));
  // The analytics' enums come from their vocabularies (src/domain/vocabulary.ts), like the model's.
  return [baseTypeDefs(), modelTypeDefs(), enums(ANALYTICS_VOCABULARIES), ...extra].join('\n');
}
