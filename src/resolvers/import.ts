/** importRows: small batches through GraphQL, with the import CLI's checks. */
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { z } from 'zod';
import { parse } from '../schema/parse.ts';
import { importRows } from '../services/import/import-rows.ts';
import type { GraphQLContext, ResolverMap } from './context.ts';

function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.ENUM:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literal);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
    default:
      return undefined;
  }
}

const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: literal,
});

const args = z.object({
  input: z.object({
    file: z.string(),
    rows: z.array(z.record(z.string(), z.unknown(), { error: 'each row must be an object of column → value / 每行必须是对象' })),
    skipInvalid: z.boolean().nullish(),
  }),
});

export function importResolvers(): ResolverMap {
  return {
    JSON: JSONScalar as unknown as Record<string, unknown>,
    Mutation: {
      importRows: (_: unknown, raw: unknown, ctx: GraphQLContext) => {
        const { input } = parse(args, raw);
        return importRows(ctx.services, input.file, input.rows, input.skipInvalid ?? false);
      },
    },
  };
}
