import { z } from 'zod';
import { identitySchema } from '../schema/inputs.ts';
import { id } from '../schema/zod-props.ts';
import { parse } from '../schema/parse.ts';
import { setIdentity } from '../services/identity/set-identity.ts';
import type { GraphQLContext, ResolverMap } from './context.ts';

const args = z.object({ residentId: id, input: identitySchema });

export function identityResolvers(): ResolverMap {
  return {
    Mutation: {
      setResidentIdentity: (_: unknown, raw: unknown, ctx: GraphQLContext) => {
        const a = parse(args, raw);
        return setIdentity(ctx.services, a.residentId, a.input);
      },
    },
  };
}
