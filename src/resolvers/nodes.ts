/**
 * Query, Mutation and type resolvers for every node label of the model. Each one parses its
 * arguments with zod and calls one service; nested relationship fields go through the loaders.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { NODE_LABELS, REL_SPECS, relsTouching, stateProps, type NodeLabel } from '../domain/model.ts';
import { idArg, pageArgs } from '../schema/inputs.ts';
import { parse } from '../schema/parse.ts';
import { gqlNames } from '../schema/sdl-names.ts';
import { createNode } from '../services/nodes/create-node.ts';
import { updateNode } from '../services/nodes/update-node.ts';
import { deleteNode } from '../services/nodes/delete-node.ts';
import { listNodes } from '../services/nodes/list-nodes.ts';
import { residentLabel } from '../services/shape.ts';
import type { NodeRecord } from '../domain/records.ts';
import type { GraphQLContext, ResolverMap } from './context.ts';
import { createSchemas, filterSchemas, updateSchemas } from './inputs.ts';
import { edgeToRel } from './rel-view.ts';
import { askedEdgeFields } from './lookahead.ts';

type Args = Record<string, unknown>;

function typeResolvers(label: NodeLabel): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const { kind, direction } of relsTouching(label)) {
    const spec = REL_SPECS[kind];
    const field = direction === 'out' ? spec.gql.outField : spec.gql.inField;
    fields[field] = async (node: NodeRecord, _: Args, ctx: GraphQLContext) => {
      const rows = await ctx.loaders.edges(kind, direction, label, node.id);
      return rows.map((row) => {
        ctx.loaders.prime(row.node);
        return edgeToRel(direction, node, row);
      });
    };
  }
  if (stateProps(label).length > 0) {
    fields.history = (node: NodeRecord, _: Args, ctx: GraphQLContext) => ctx.loaders.history(label, node.id);
  }
  if (label === 'Resident') {
    fields.identity = (node: NodeRecord, _: Args, ctx: GraphQLContext) => ctx.loaders.identity(node.id);
    fields.label = (node: NodeRecord, _: Args, ctx: GraphQLContext) => residentLabel(ctx.services, node);
  }
  return fields;
}

export function nodeResolvers(): ResolverMap {
  const Query: Record<string, unknown> = {};
  const Mutation: Record<string, unknown> = {};
  const types: ResolverMap = {
    Node: { __resolveType: (node: NodeRecord) => node._label },
  };
  for (const label of NODE_LABELS) {
    Query[gqlNames.byId(label)] = (_: unknown, args: Args, ctx: GraphQLContext, info: GraphQLResolveInfo) =>
      ctx.loaders.nodeWith(label, parse(idArg, args).id, askedEdgeFields(label, info));
    Query[gqlNames.list(label)] = (_: unknown, args: Args, ctx: GraphQLContext) => {
      const page = parse(pageArgs, { first: args.first, after: args.after });
      const filter = parse(filterSchemas[label], args.filter, ['filter']) as Args | null | undefined;
      return listNodes(ctx.services, label, { ...page, filter });
    };
    Mutation[gqlNames.create(label)] = (_: unknown, args: Args, ctx: GraphQLContext) =>
      createNode(ctx.services, label, parse(createSchemas[label], args.input, ['input']) as Args);
    Mutation[gqlNames.update(label)] = (_: unknown, args: Args, ctx: GraphQLContext) =>
      updateNode(ctx.services, label, parse(idArg, args).id, parse(updateSchemas[label], args.input, ['input']) as Args);
    Mutation[gqlNames.remove(label)] = (_: unknown, args: Args, ctx: GraphQLContext) =>
      deleteNode(ctx.services, label, parse(idArg, args).id);
    types[label] = typeResolvers(label);
  }
  return { Query, Mutation, ...types };
}
