import { GraphQLScalarType, Kind } from 'graphql';
import type { GraphQLContext, ResolverMap } from './context.ts';

/**
 * DateTime passes the client's value through unchanged: zod parses it in the resolver, so a bad
 * date is BAD_USER_INPUT with the field's path rather than a bare coercion error. A literal that is
 * not a string (`asOf: 20250101`) is passed on as what it is, never as null: null would mean "no
 * date" and the analysis would silently run over all time.
 */
const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => value,
  parseLiteral: (ast) => {
    switch (ast.kind) {
      case Kind.STRING:
        return ast.value;
      case Kind.NULL:
        return null;
      case Kind.INT:
      case Kind.FLOAT:
        return Number(ast.value);
      case Kind.BOOLEAN:
        return ast.value;
      default:
        // Enums, lists and objects: a value zod refuses with the accepted forms.
        return { literal: ast.kind };
    }
  },
});

export function systemResolvers(): ResolverMap {
  return {
    DateTime: DateTime as unknown as Record<string, unknown>,
    Query: {
      me: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.services.principal,
    },
  };
}
