import { readFileSync } from 'node:fs';
import {
  buildSchema, isEnumType, isInputObjectType, isObjectType, printSchema, type GraphQLObjectType, type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { typeDefs } from '../../../src/schema/sdl.ts';
import { gqlNames } from '../../../src/schema/sdl-names.ts';
import { MACHINES } from '../../../src/domain/transitions.ts';
import { NODE_LABELS, NODE_SPECS, REL_KINDS, REL_SPECS, type NodeLabel } from '../../../src/domain/model.ts';
import { VOCABULARIES } from '../../../src/domain/vocabulary.ts';

const CHINESE = /\p{Script=Han}/u;
const PRINTED = new URL('../../../docs/schema.graphql', import.meta.url);

let schema: GraphQLSchema;
beforeAll(() => {
  schema = buildSchema(typeDefs());
});

const root = (name: 'Query' | 'Mutation'): GraphQLObjectType => {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is missing`);
  return type;
};

describe('typeDefs()', () => {
  it('builds with graphql buildSchema', () => {
    expect(() => buildSchema(typeDefs())).not.toThrow();
    expect(schema.getQueryType()?.name).toBe('Query');
    expect(schema.getMutationType()?.name).toBe('Mutation');
  });

  it('has one enum per vocabulary, with exactly its terms', () => {
    for (const [name, v] of Object.entries(VOCABULARIES)) {
      const type = schema.getType(name);
      expect(isEnumType(type), `enum ${name}`).toBe(true);
      if (!isEnumType(type)) continue;
      expect(type.getValues().map((e) => e.name)).toEqual(Object.keys(v.terms));
    }
  });

  it('describes every enum value in Chinese', () => {
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isEnumType(type) || type.name.startsWith('__')) continue;
      for (const value of type.getValues()) {
        if (!value.description || !CHINESE.test(value.description)) undescribed.push(`${type.name}.${value.name}`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('has a RelationshipKind value per relationship kind', () => {
    const type = schema.getType('RelationshipKind');
    if (!isEnumType(type)) throw new Error('RelationshipKind is missing');
    expect(type.getValues().map((v) => v.name)).toEqual(REL_KINDS);
  });

  it.each(NODE_LABELS)('has the byId, list, create, update and delete fields of %s', (label: NodeLabel) => {
    const query = root('Query').getFields();
    const mutation = root('Mutation').getFields();
    expect(String(query[gqlNames.byId(label)]?.type)).toBe(label);
    expect(query[gqlNames.byId(label)]?.args.map((a) => a.name)).toEqual(['id']);
    expect(String(query[gqlNames.list(label)]?.type)).toBe(`${label}Connection!`);
    expect(query[gqlNames.list(label)]?.args.map((a) => a.name)).toEqual(['first', 'after', 'filter']);
    expect(String(mutation[gqlNames.create(label)]?.type)).toBe(`${label}!`);
    expect(String(mutation[gqlNames.update(label)]?.type)).toBe(`${label}!`);
    expect(String(mutation[gqlNames.remove(label)]?.type)).toBe('DeletePayload!');
  });

  it.each(NODE_LABELS)('types %s with its own properties and implements Node', (label) => {
    const type = schema.getType(label);
    if (!isObjectType(type)) throw new Error(`${label} is missing`);
    expect(type.getInterfaces().map((i) => i.name)).toEqual(['Node']);
    expect(Object.keys(type.getFields())).toEqual(expect.arrayContaining(Object.keys(NODE_SPECS[label].props)));
  });

  it('has a change mutation per transition machine and an add mutation per relationship kind', () => {
    const mutation = root('Mutation').getFields();
    for (const [label, fields] of Object.entries(MACHINES) as [NodeLabel, object][]) {
      for (const field of Object.keys(fields)) expect(mutation[gqlNames.change(label, field)], `${label}.${field}`).toBeDefined();
    }
    for (const kind of REL_KINDS) expect(mutation[REL_SPECS[kind].gql.add], kind).toBeDefined();
  });

  it('keeps state fields out of the update inputs', () => {
    const input = schema.getType('UpdateResidentInput');
    if (!isInputObjectType(input)) throw new Error('UpdateResidentInput is missing');
    expect(Object.keys(input.getFields())).not.toContain('cultivationStage');
    expect(Object.keys(input.getFields())).toContain('displayName');
  });
});

describe('docs/schema.graphql', () => {
  it('is the printed schema (run `npx tsx scripts/print-schema.ts` when this fails)', () => {
    const expected = `${printSchema(buildSchema(typeDefs()))}\n`;
    const actual = readFileSync(PRINTED, 'utf8');
    // A boolean keeps the failure short; the message says how to fix it.
    expect(actual === expected, 'docs/schema.graphql is stale: run `npx tsx scripts/print-schema.ts`').toBe(true);
  });
});
