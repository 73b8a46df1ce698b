/** The change<Label><Field> mutations: state moves through allowed transitions only. */
import { NODE_LABELS, NODE_SPECS, type PropSpec } from '../domain/model.ts';
import { MACHINES } from '../domain/transitions.ts';
import { transitionSchema } from '../schema/inputs.ts';
import { parse } from '../schema/parse.ts';
import { gqlNames } from '../schema/sdl-names.ts';
import { changeState } from '../services/nodes/change-state.ts';
import type { GraphQLContext, ResolverMap } from './context.ts';

export function transitionResolvers(): ResolverMap {
  const Mutation: Record<string, unknown> = {};
  for (const label of NODE_LABELS) {
    for (const field of Object.keys(MACHINES[label] ?? {})) {
      const spec = (NODE_SPECS[label].props as Record<string, PropSpec>)[field];
      if (!spec) throw new Error(`transitions: ${label}.${field} is not a property of the model`);
      Mutation[gqlNames.change(label, field)] = (_: unknown, args: { input: unknown }, ctx: GraphQLContext) =>
        changeState(ctx.services, label, field, parse(transitionSchema, args.input, ['input']));
    }
  }
  return { Mutation };
}
