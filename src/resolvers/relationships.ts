/** Relationship types (their two ends), the add mutations, and ending or removing by kind and id. */
import { REL_KINDS, REL_SPECS } from '../domain/model.ts';
import { endRelArgs, removeRelArgs } from '../schema/inputs.ts';
import { parse } from '../schema/parse.ts';
import { gqlNames } from '../schema/sdl-names.ts';
import { addRel } from '../services/rels/add-rel.ts';
import { endRel, removeRel } from '../services/rels/change-rel.ts';
import type { GraphQLContext, ResolverMap } from './context.ts';
import { addSchemas } from './inputs.ts';
import type { RelView } from './rel-view.ts';

type Args = Record<string, unknown>;

export function relationshipResolvers(): ResolverMap {
  const Mutation: Record<string, unknown> = {
    endRelationship: (_: unknown, args: Args, ctx: GraphQLContext) => {
      const a = parse(endRelArgs, args);
      return endRel(ctx.services, a.kind, a.id, a.until);
    },
    removeRelationship: (_: unknown, args: Args, ctx: GraphQLContext) => {
      const a = parse(removeRelArgs, args);
      return removeRel(ctx.services, a.kind, a.id);
    },
  };
  const types: ResolverMap = {};
  for (const kind of REL_KINDS) {
    const spec = REL_SPECS[kind];
    const fromPath = gqlNames.fromIdArg(kind);
    const toPath = gqlNames.toIdArg(kind);
    Mutation[spec.gql.add] = (_: unknown, args: Args, ctx: GraphQLContext) => {
      const input = parse(addSchemas[kind], args.input, ['input']) as Args;
      return addRel(ctx.services, kind, { fromId: String(input[fromPath]), toId: String(input[toPath]), fromPath, toPath }, input);
    };
    types[spec.gql.typeName] = {
      [spec.gql.fromField]: (rel: RelView) => rel._from,
      [spec.gql.toField]: (rel: RelView) => rel._to,
    };
  }
  return { Mutation, ...types };
}
