import { GraphQLScalarType, Kind } from 'graphql';
import type { GraphQLContext, ResolverMap } from './context.ts';

/**
 * DateTime passes the client's string through unchanged: zod parses it in the resolver, so a bad
 * date is BAD_USER_INPUT with the field's path rather than a bare coercion error.
 */
const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => value,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? ast.value : null),
});

export function systemResolvers(): ResolverMap {
  return {
    DateTime: DateTime as unknown as Record<string, unknown>,
    Query: {
      me: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.services.principal,
    },
  };
}
