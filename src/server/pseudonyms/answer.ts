/**
 * A researcher's answer as the API sends it (../pseudonym-plugin.ts): the leaves that may hold a
 * resident id or an individual partner's name, found by the schema, translated through the view.
 */
import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLNamedType, type GraphQLOutputType, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import type { GraphQLContext } from '../../resolvers/context.ts';
import { encodeCursor } from '../../services/nodes/list-nodes.ts';
import { ID_RUNS, idForms, type ResearcherView } from '../../services/privacy/researcher-view.ts';
import { cursorId, hasFields, isComposite, isLeaf, isList, isNonNull, namedOf, ofType, type Holder, type Json } from './types.ts';

const CURSOR_FIELDS = new Set(['cursor', 'endCursor']);

type LeafKind = 'id' | 'cursor' | 'text';

interface Leaf {
  holder: Holder;
  key: string | number;
  kind: LeafKind;
}

interface FieldInfo {
  fieldName: string;
  type: GraphQLOutputType;
  sets: SelectionSetNode[];
  children?: Map<string, FieldInfo>;
}

/** The fields selected on a composite type, by response key, merging fragments (the answer does not say which fragment applied). */
function fieldsOf(schema: GraphQLSchema, fragments: ReadonlyMap<string, FragmentDefinitionNode>, parent: GraphQLCompositeType, sets: readonly SelectionSetNode[]): Map<string, FieldInfo> {
  const out = new Map<string, FieldInfo>();
  const add = (on: GraphQLCompositeType, set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const def = hasFields(on) ? on.getFields()[name] : undefined;
        if (!def) continue;
        const key = selection.alias?.value ?? name;
        const info = out.get(key) ?? { fieldName: name, type: def.type, sets: [] };
        if (selection.selectionSet) info.sets.push(selection.selectionSet);
        out.set(key, info);
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && seen.has(selection.name.value))) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : on;
        if (condition && isComposite(condition)) add(condition as GraphQLCompositeType, fragment.selectionSet, selection.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, selection.name.value]) : seen);
      }
    }
  };
  for (const set of sets) add(parent, set, new Set());
  return out;
}

/** Every string in a value of no declared shape (a JSON scalar, an error's extensions), as a text. */
function looseLeaves(holder: Holder, key: string | number, leaves: Leaf[]): void {
  const value = (holder as Record<string | number, unknown>)[key];
  if (typeof value === 'string') leaves.push({ holder, key, kind: 'text' });
  else if (Array.isArray(value)) value.forEach((_, i) => looseLeaves(value, i, leaves));
  else if (value !== null && typeof value === 'object') for (const k of Object.keys(value)) looseLeaves(value as Record<string, unknown>, k, leaves);
}

const SKIPPED_LEAVES = new Set(['Int', 'Float', 'Boolean', 'DateTime']);

/** The leaves of an answer that may hold a resident id or a name: IDs, cursors and texts. */
function leavesOf(schema: GraphQLSchema, document: DocumentNode, root: GraphQLCompositeType, rootSet: SelectionSetNode, data: Record<string, unknown>): Leaf[] {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const leaves: Leaf[] = [];
  const walk = (holder: Holder, key: string | number, type: GraphQLOutputType, info: FieldInfo) => {
    const value = (holder as Record<string | number, unknown>)[key];
    if (value === null || value === undefined) return;
    const t = isNonNull(type) ? ofType(type) : type;
    if (isList(t)) {
      const named = namedOf(t);
      if (!Array.isArray(value) || (isLeaf(named) && SKIPPED_LEAVES.has(named.name))) return;
      for (let i = 0; i < value.length; i += 1) walk(value, i, ofType(t), info);
      return;
    }
    if (isLeaf(t)) {
      const name = (t as GraphQLNamedType).name;
      if (name === 'ID') leaves.push({ holder, key, kind: 'id' });
      else if (name === 'String') leaves.push({ holder, key, kind: CURSOR_FIELDS.has(info.fieldName) ? 'cursor' : 'text' });
      else if (name === 'JSON') looseLeaves(holder, key, leaves);
      return;
    }
    if (typeof value !== 'object') return;
    info.children ??= fieldsOf(schema, fragments, t as GraphQLCompositeType, info.sets);
    for (const k of Object.keys(value)) {
      const child = info.children.get(k);
      if (child) walk(value as Record<string, unknown>, k, child.type, child);
    }
  };
  const top: FieldInfo = { fieldName: '', type: root, sets: [rootSet], children: fieldsOf(schema, fragments, root, [rootSet]) };
  for (const k of Object.keys(data)) {
    const child = top.children!.get(k);
    if (child) walk(data, k, child.type, child);
  }
  return leaves;
}

function errorLeaves(errors: readonly Record<string, unknown>[]): Leaf[] {
  const leaves: Leaf[] = [];
  for (const error of errors) {
    looseLeaves(error, 'message', leaves);
    if (error.extensions) looseLeaves(error, 'extensions', leaves);
  }
  return leaves;
}

export async function translateAnswer(rc: GraphQLRequestContextWillSendResponse<GraphQLContext>, view: ResearcherView, variables: Record<string, Json> | undefined): Promise<void> {
  const body = rc.response.body;
  if (body.kind !== 'single') return;
  const result = body.singleResult as { data?: Record<string, unknown> | null; errors?: Record<string, unknown>[] };
  const { schema, document, operation } = rc;
  const root = operation ? schema.getRootType(operation.operation) : undefined;
  const leaves = [
    ...(result.data && document && operation && root ? leavesOf(schema, document, root, operation.selectionSet, result.data) : []),
    ...errorLeaves(result.errors ?? []),
  ];
  if (leaves.length === 0) return;
  // What the researcher wrote is echoed as written (a validation error quotes the query).
  const written = `${rc.request.query ?? ''}\n${JSON.stringify(variables ?? {})}`;
  const writtenRuns = new Set(written.match(ID_RUNS) ?? []);
  const candidates: string[] = [];
  const value = (leaf: Leaf) => (leaf.holder as Record<string | number, unknown>)[leaf.key];
  for (const leaf of leaves) {
    const v = value(leaf);
    if (typeof v !== 'string') continue;
    if (leaf.kind === 'id') candidates.push(v);
    else if (leaf.kind === 'cursor') {
      const id = cursorId(v);
      if (id !== null) candidates.push(id);
    } else for (const run of v.match(ID_RUNS) ?? []) if (!writtenRuns.has(run)) candidates.push(...idForms(run));
  }
  await view.lookUp(candidates);
  const names = view.nameScrubber((name) => written.includes(name));
  const replaceRun = (run: string): string => {
    const sent = view.sentAs(run);
    if (sent !== undefined) return sent;
    if (writtenRuns.has(run)) return run;
    for (const form of idForms(run)) {
      if (view.sentAs(form) !== undefined) return run.replace(form, view.sentAs(form)!);
      if (view.isResident(form)) return run.replace(form, view.pseudonymOf(form));
    }
    return run;
  };
  for (const leaf of leaves) {
    const v = value(leaf);
    if (typeof v !== 'string') continue;
    let out = v;
    if (leaf.kind === 'id') out = view.sentAs(v) ?? (view.isResident(v) ? view.pseudonymOf(v) : v);
    else if (leaf.kind === 'cursor') {
      const id = cursorId(v);
      if (id !== null && view.isResident(id)) out = encodeCursor(view.pseudonymOf(id));
    } else out = names(v.replace(ID_RUNS, replaceRun));
    if (out !== v) (leaf.holder as Record<string | number, unknown>)[leaf.key] = out;
  }
}

