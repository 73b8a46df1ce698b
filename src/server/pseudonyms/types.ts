/** The schema's types as the researcher-id translation walks them, and the one cursor format it reads. */
import { Kind, type GraphQLInputType, type GraphQLNamedType, type GraphQLOutputType, type GraphQLSchema, type TypeNode } from 'graphql';
import { encodeCursor } from '../../services/nodes/list-nodes.ts';

export type Json = unknown;
export type Holder = Record<string, unknown> | unknown[];

/** A list cursor's id (src/services/nodes/list-nodes.ts), when the text is one. */
export function cursorId(text: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const id = Buffer.from(text, 'base64url').toString('utf8');
  return id !== '' && encodeCursor(id) === text ? id : null;
}

/*
 * Types are told apart by their tag (graphql-js sets Symbol.toStringTag on every type class), not by
 * graphql's predicates: those check instanceof, and the schema Apollo hands over may come from another
 * copy of the graphql module than this file's (a test runner loads both).
 */
const tag = (type: unknown): string | undefined => (type as { [Symbol.toStringTag]?: string } | null)?.[Symbol.toStringTag];
export const ofType = <T>(type: T): T => (type as unknown as { ofType: T }).ofType;
export const isNonNull = (type: unknown) => tag(type) === 'GraphQLNonNull';
export const isList = (type: unknown) => tag(type) === 'GraphQLList';
export const isLeaf = (type: unknown) => tag(type) === 'GraphQLScalarType' || tag(type) === 'GraphQLEnumType';
export const hasFields = (type: unknown): type is { getFields(): Record<string, { type: GraphQLOutputType; args?: readonly { name: string; type: GraphQLInputType }[] }> } =>
  tag(type) === 'GraphQLObjectType' || tag(type) === 'GraphQLInterfaceType';
export const isComposite = (type: unknown) => hasFields(type) || tag(type) === 'GraphQLUnionType';

export function namedOf(type: GraphQLOutputType | GraphQLInputType): GraphQLNamedType {
  let t: unknown = type;
  while (isNonNull(t) || isList(t)) t = ofType(t);
  return t as GraphQLNamedType;
}

/** An input type as the walk reads it, from the schema or from a variable's declaration. */
export type InputShape = { wrap: 'nonNull'; of: InputShape } | { wrap: 'list'; of: InputShape } | { wrap: null; named: GraphQLNamedType | undefined };

export function shapeOfType(type: GraphQLInputType): InputShape {
  if (isNonNull(type)) return { wrap: 'nonNull', of: shapeOfType(ofType(type)) };
  if (isList(type)) return { wrap: 'list', of: shapeOfType(ofType(type)) };
  return { wrap: null, named: type as GraphQLNamedType };
}

export function shapeOfNode(schema: GraphQLSchema, node: TypeNode): InputShape {
  if (node.kind === Kind.NON_NULL_TYPE) return { wrap: 'nonNull', of: shapeOfNode(schema, node.type) };
  if (node.kind === Kind.LIST_TYPE) return { wrap: 'list', of: shapeOfNode(schema, node.type) };
  return { wrap: null, named: schema.getType(node.name.value) ?? undefined };
}

export const inputFields = (named: GraphQLNamedType | undefined) =>
  tag(named) === 'GraphQLInputObjectType' ? (named as unknown as { getFields(): Record<string, { type: GraphQLInputType }> }).getFields() : null;

/** Walks a value of an input type, calling `leaf` on each ID and String in it; returns the value with the leaves replaced. */
export function mapInput(value: Json, shape: InputShape, leaf: (text: string) => string): Json {
  if (value === null || value === undefined) return value;
  if (shape.wrap === 'nonNull') return mapInput(value, shape.of, leaf);
  if (shape.wrap === 'list') return Array.isArray(value) ? value.map((v) => mapInput(v, shape.of, leaf)) : mapInput(value, shape.of, leaf);
  const fields = inputFields(shape.named);
  if (fields) {
    if (typeof value !== 'object' || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value as Record<string, Json>).map(([k, v]) => [k, fields[k] ? mapInput(v, shapeOfType(fields[k].type), leaf) : v]));
  }
  const name = shape.named?.name;
  if (name === 'String' && typeof value === 'string') return leaf(value);
  if (name === 'ID' && (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value)))) return leaf(String(value));
  return value;
}
