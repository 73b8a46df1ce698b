import { z } from 'zod';
import { badInput, type FieldPath } from '../domain/errors.ts';

// zod's own messages ("Too small: expected number to be >=0") are English; every message a user
// reads is English and Chinese, so the Chinese form comes from zod's zh-CN locale, here in one place.
const zhCN = z.locales.zhCN();
const CHINESE = /[\u3400-\u9fff]/;

/** An issue's message in both languages: ours already are ("… / …"); zod's get the zh-CN rendering. */
export function bilingual(issue: z.core.$ZodIssue): string {
  if (CHINESE.test(issue.message)) return issue.message;
  const rendered = zhCN.localeError(issue as unknown as Parameters<typeof zhCN.localeError>[0]);
  const zh = typeof rendered === 'string' ? rendered : rendered?.message;
  return zh ? `${issue.message} / ${zh}` : issue.message;
}

/**
 * Parses with zod and turns the first issue into BAD_USER_INPUT carrying the field's full path
 * (prefixed by where the value sits in the GraphQL arguments, e.g. ["input", "displayName"]).
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: FieldPath = []): z.output<S> {
  // reportInput: the zh-CN locale names what was received ("实际接收 number"), which needs the input.
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const pathOf = (issue: z.core.$ZodIssue) => [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const issue = result.error.issues[0]!;
  const path = pathOf(issue);
  const where = path.length > 0 ? path.join('.') : 'input';
  throw badInput(`${where}: ${bilingual(issue)}`, path, {
    issues: result.error.issues.map((i) => ({ path: pathOf(i), message: bilingual(i) })),
  });
}
