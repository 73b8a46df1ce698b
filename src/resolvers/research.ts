/** Query.researchQuery: parse the arguments with zod, call the research service. */
import { z } from 'zod';
import { parse } from '../schema/parse.ts';
import { RESEARCH_LIMITS, researchQuery, type ResearchQueryInput } from '../services/research/research-query.ts';
import type { GraphQLContext, ResolverMap } from './context.ts';

const json: z.ZodType<ResearchQueryInput['parameters'][string]> = z.lazy(() =>
  z.union([z.null(), z.string(), z.number(), z.boolean(), z.array(json), z.record(z.string(), json)]),
);

const args = z.object({
  cypher: z.string().min(1, 'must not be empty / 不能为空'),
  parameters: z.record(z.string(), json).nullish(),
  options: z
    .object({
      timeoutSeconds: z.number().int().min(1).max(RESEARCH_LIMITS.timeoutSeconds.max).nullish(),
      maxRows: z.number().int().min(1).max(RESEARCH_LIMITS.maxRows.max).nullish(),
    })
    .nullish(),
});

export function researchResolvers(): ResolverMap {
  return {
    Query: {
      researchQuery: async (_: unknown, raw: unknown, ctx: GraphQLContext) => {
        const a = parse(args, raw);
        return researchQuery(ctx.services, {
          cypher: a.cypher,
          parameters: a.parameters ?? {},
          timeoutSeconds: a.options?.timeoutSeconds ?? RESEARCH_LIMITS.timeoutSeconds.default,
          maxRows: a.options?.maxRows ?? RESEARCH_LIMITS.maxRows.default,
        });
      },
    },
  };
}
