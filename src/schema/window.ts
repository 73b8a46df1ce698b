/** The window rule (src/domain/window.ts) as zod issues, each at its field, for the input schemas. */
import type { z } from 'zod';
import { windowProblems, type When } from '../domain/window.ts';

export function windowRule(value: When, ctx: z.RefinementCtx): void {
  for (const p of windowProblems(value)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.reason });
}
