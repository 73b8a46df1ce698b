/** Every validation message a user reads is English and Chinese, zod's own ones included. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ReweaveError } from '../../../src/domain/errors.ts';
import { parse } from '../../../src/schema/parse.ts';

function refusal(schema: z.ZodType, value: unknown): ReweaveError {
  try {
    parse(schema, value, ['input']);
  } catch (error) {
    return error as ReweaveError;
  }
  throw new Error('parse accepted the value');
}

describe('parse renders zod issues in both languages', () => {
  it('gives zod\'s English message with its Chinese rendering, naming what was received', () => {
    const e = refusal(z.object({ hours: z.number().min(0) }), { hours: -1 });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.details.path).toEqual(['input', 'hours']);
    expect(e.message).toBe('input.hours: Too small: expected number to be >=0 / 数值过小：期望 number >=0');
    const t = refusal(z.object({ name: z.string() }), { name: 3 });
    expect(t.message).toBe('input.name: Invalid input: expected string, received number / 无效输入：期望 string，实际接收 数字');
  });

  it('keeps a message that is already bilingual as it is, and renders every listed issue', () => {
    const e = refusal(z.object({ a: z.string().min(1, 'must not be empty / 不能为空'), b: z.boolean() }), { a: '', b: 'x' });
    expect(e.message).toBe('input.a: must not be empty / 不能为空');
    const issues = e.details.issues as { path: string[]; message: string }[];
    expect(issues).toHaveLength(2);
    expect(issues[1]!.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
