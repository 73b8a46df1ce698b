/**
 * A researcher's request as the API reads it (../pseudonym-plugin.ts): every ID and String argument
 * value translated through the researcher's view before execution.
 */
import type { GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { Kind, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import type { GraphQLContext } from '../../resolvers/context.ts';
import { gqlNames } from '../../schema/sdl-names.ts';
import { encodeCursor } from '../../services/nodes/list-nodes.ts';
import type { ResearcherView } from '../../services/privacy/researcher-view.ts';
import { cursorId, hasFields, inputFields, mapInput, namedOf, shapeOfNode, shapeOfType, type InputShape } from './types.ts';

/** What the residents list reads as "not a cursor returned by this API". */
const NOT_A_CURSOR = '!';
const RESIDENTS_LIST = gqlNames.list('Resident');

interface Sent {
  /** The text as sent (an ID literal may be an integer). */
  text: string;
  /** The argument is the residents list's `after`. */
  residentCursor: boolean;
}

/**
 * Every ID and String literal of the operation (arguments, input objects, lists, variable defaults),
 * and the variables given as the residents list's cursor.
 */
function sentValues(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): { literals: Map<ValueNode, Sent>; cursorVariables: Set<string> } {
  const literals = new Map<ValueNode, Sent>();
  const cursorVariables = new Set<string>();
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const value = (node: ValueNode, shape: InputShape, residentCursor: boolean): void => {
    if (shape.wrap === 'nonNull') return value(node, shape.of, residentCursor);
    if (node.kind === Kind.VARIABLE) {
      if (residentCursor) cursorVariables.add(node.name.value);
      return;
    }
    if (shape.wrap === 'list') {
      if (node.kind === Kind.LIST) node.values.forEach((v) => value(v, shape.of, residentCursor));
      else value(node, shape.of, residentCursor);
      return;
    }
    const fields = inputFields(shape.named);
    if (fields) {
      if (node.kind === Kind.OBJECT) for (const f of node.fields) if (fields[f.name.value]) value(f.value, shapeOfType(fields[f.name.value]!.type), false);
      return;
    }
    const name = shape.named?.name;
    if ((name === 'ID' || name === 'String') && node.kind === Kind.STRING) literals.set(node, { text: node.value, residentCursor });
    if (name === 'ID' && node.kind === Kind.INT) literals.set(node, { text: node.value, residentCursor });
  };
  const query = schema.getQueryType();
  const selections = (set: SelectionSetNode, parent: unknown, seen: ReadonlySet<string>): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const def = hasFields(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!def) continue;
        const residentsList = parent === query && selection.name.value === RESIDENTS_LIST;
        for (const arg of selection.arguments ?? []) {
          const argDef = def.args?.find((a) => a.name === arg.name.value);
          if (argDef) value(arg.value, shapeOfType(argDef.type), residentsList && arg.name.value === 'after');
        }
        if (selection.selectionSet) selections(selection.selectionSet, namedOf(def.type), seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        selections(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) selections(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), new Set([...seen, fragment.name.value]));
      }
    }
  };
  for (const def of operation.variableDefinitions ?? []) if (def.defaultValue) value(def.defaultValue, shapeOfNode(schema, def.type), false);
  selections(operation.selectionSet, schema.getRootType(operation.operation), new Set());
  return { literals, cursorVariables };
}

export async function translateRequest(rc: GraphQLRequestContextDidResolveOperation<GraphQLContext>, view: ResearcherView): Promise<void> {
  const { schema, document, operation, request } = rc;
  if (!operation) return;
  const { literals, cursorVariables } = sentValues(schema, document, operation);
  const variableTypes = new Map((operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, shapeOfNode(schema, d.type)] as const));
  const variables = request.variables ?? {};
  const sent: string[] = [...literals.values()].map((s) => s.text);
  for (const [name, type] of variableTypes) mapInput(variables[name], type, (text) => (sent.push(text), text));
  await view.lookUp(sent.map((s) => s.trim()));

  const stored = (text: string, residentCursor: boolean): string => {
    const key = text.trim();
    const id = view.idOf(key);
    if (id !== undefined && !residentCursor) return id;
    const cursor = cursorId(text);
    const fromCursor = cursor === null ? undefined : view.idOf(cursor);
    if (fromCursor !== undefined) return encodeCursor(fromCursor);
    if (residentCursor) return NOT_A_CURSOR;
    return view.isResident(key) ? view.standInFor(key) : text;
  };
  rc.request.variables = Object.fromEntries(Object.entries(variables).map(([name, value]) => {
    const type = variableTypes.get(name);
    return [name, type ? mapInput(value, type, (text) => stored(text, cursorVariables.has(name))) : value];
  }));
  (rc as { document: DocumentNode }).document = visit(document, {
    enter(node) {
      const s = literals.get(node as ValueNode);
      if (!s) return undefined;
      const value = stored(s.text, s.residentCursor);
      return value === s.text && node.kind === Kind.STRING ? undefined : { kind: Kind.STRING, value };
    },
  });
}

