import type { z } from 'zod';
import { badInput, type FieldPath } from '../domain/errors.ts';

/**
 * Parses with zod and turns the first issue into BAD_USER_INPUT carrying the field's full path
 * (prefixed by where the value sits in the GraphQL arguments, e.g. ["input", "displayName"]).
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: FieldPath = []): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const pathOf = (issue: z.core.$ZodIssue) => [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const issue = result.error.issues[0]!;
  const path = pathOf(issue);
  const where = path.length > 0 ? path.join('.') : 'input';
  throw badInput(`${where}: ${issue.message}`, path, {
    issues: result.error.issues.map((i) => ({ path: pathOf(i), message: i.message })),
  });
}
