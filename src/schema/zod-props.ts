/** zod schemas for single model properties, shared by the node, relationship and filter inputs. */
import { z } from 'zod';
import { termsOf } from '../domain/vocabulary.ts';
import type { PropType } from '../domain/model.ts';
import { ID_RULE, isId } from '../domain/ids.ts';
import { cleanText, MAX_LIST_ITEM, MAX_LIST_ITEMS, numberProblem } from '../domain/storable.ts';
import { textProblem, type TextKind } from '../domain/text-policy.ts';

/** Accepts ISO date-times with an offset and bare dates (midnight UTC); yields a Date. */
export const dateTime = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'expected an ISO-8601 date-time such as 2025-03-01T09:30:00Z / 需要 ISO-8601 日期时间',
  })
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s));

export const id = z
  .string()
  .trim()
  .min(1, 'must not be empty / 不能为空')
  .max(200, 'at most 200 characters / 最多 200 字符')
  .refine(isId, ID_RULE);

/**
 * Text trimmed of blanks, BOM and zero-width characters; what is empty after that is refused, and
 * so is what the text policy refuses (control, bidi and, in names, invisible characters).
 */
/** The text policy as a zod refinement, for a string schema of its own. */
export const policed = (kind: TextKind) => (s: string, ctx: z.RefinementCtx) => {
  const problem = textProblem(s, kind);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

export const text = (max: number, kind: TextKind = 'name') =>
  z.string().transform(cleanText).pipe(z.string().min(1, 'must not be empty / 不能为空').max(max, `at most ${max} characters / 最多 ${max} 字符`).superRefine(policed(kind)));

/**
 * The zod schema of one property, from the model's type and bounds. The number bounds are judged by
 * the same function as the importer's cells (src/domain/storable.ts), so the two cannot drift.
 */
export function propSchema(type: PropType): z.ZodType {
  switch (type.kind) {
    case 'string':
      return text(type.max ?? 500, type.multiline ? 'free' : 'name');
    case 'int':
    case 'float':
      return z.number().superRefine((n, ctx) => {
        const problem = numberProblem(type, n);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      });
    case 'boolean':
      return z.boolean();
    case 'datetime':
      return dateTime;
    case 'strings':
      return z.array(text(MAX_LIST_ITEM)).max(MAX_LIST_ITEMS);
    case 'enum':
      return z.enum(termsOf(type.vocabulary));
  }
}
