/** zod schemas for single model properties, shared by the node, relationship and filter inputs. */
import { z } from 'zod';
import { termsOf } from '../domain/vocabulary.ts';
import type { PropType } from '../domain/model.ts';
import { ID_PATTERN, ID_RULE } from '../domain/ids.ts';

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
  .regex(ID_PATTERN, ID_RULE);

export function propSchema(type: PropType): z.ZodType {
  switch (type.kind) {
    case 'string':
      return z.string().trim().min(1, 'must not be empty / 不能为空').max(type.max ?? 500);
    case 'int': {
      let s = z.number().int();
      if (type.min !== undefined) s = s.min(type.min);
      if (type.max !== undefined) s = s.max(type.max);
      return s;
    }
    case 'float':
      return type.min !== undefined ? z.number().finite().min(type.min) : z.number().finite();
    case 'boolean':
      return z.boolean();
    case 'datetime':
      return dateTime;
    case 'strings':
      return z.array(z.string().trim().min(1).max(100)).max(100);
    case 'enum':
      return z.enum(termsOf(type.vocabulary));
  }
}
