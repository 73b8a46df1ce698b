import { z } from 'zod';
import { parse } from '../schema/parse.ts';
import { auditLog, MAX_AUDIT_PAGE } from '../services/audit/audit-log.ts';
import type { GraphQLContext, ResolverMap } from './context.ts';

const pageMessage = `first must be an integer from 0 to ${MAX_AUDIT_PAGE} / first 须为 0–${MAX_AUDIT_PAGE} 的整数`;
const auditArgs = z.object({ first: z.number().int(pageMessage).min(0, pageMessage).max(MAX_AUDIT_PAGE, pageMessage).nullish(), after: z.string().max(300).nullish() });

export function auditResolvers(): ResolverMap {
  return {
    Query: {
      auditLog: (_: unknown, args: unknown, ctx: GraphQLContext) => {
        const a = parse(auditArgs, args);
        return auditLog(ctx.services, { first: a.first ?? 20, after: a.after ?? null });
      },
    },
  };
}
