import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { windowProblems } from '../../../src/domain/window.ts';
import { parse } from '../../../src/schema/parse.ts';
import { windowRule } from '../../../src/schema/window.ts';
import { checkOptions } from '../../../src/services/export/options.ts';
import { ReweaveError } from '../../../src/domain/errors.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('windowProblems', () => {
  it('accepts a window, an open window, an empty window and an instant', () => {
    expect(windowProblems({ from: d('2025-01-01'), to: d('2026-01-01') })).toEqual([]);
    expect(windowProblems({ from: d('2025-01-01') })).toEqual([]);
    expect(windowProblems({ from: d('2025-01-01'), to: d('2025-01-01') })).toEqual([]);
    expect(windowProblems({ asOf: d('2025-01-01') })).toEqual([]);
    expect(windowProblems({})).toEqual([]);
  });

  it('names asOf when both a window and an instant are given, and to when the window is reversed', () => {
    expect(windowProblems({ to: d('2025-01-01'), asOf: d('2025-06-01') })).toEqual([
      { field: 'asOf', reason: 'give either a window (from/to) or asOf, not both / 时间窗口与时点只能二选一' },
    ]);
    expect(windowProblems({ from: d('2025-06-01'), to: d('2025-01-01') })).toEqual([
      { field: 'to', reason: 'the window is reversed: to is before from / 时间窗口颠倒：结束早于开始' },
    ]);
  });
});

describe('one wording at every edge', () => {
  const reversed = { from: d('2025-06-01'), to: d('2025-01-01') };
  const failure = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      return error as ReweaveError;
    }
    throw new Error('expected a refusal');
  };

  it('a zod schema with windowRule refuses at the field, under the input path', () => {
    const schema = z.object({ from: z.date().nullish(), to: z.date().nullish(), asOf: z.date().nullish() }).superRefine(windowRule);
    const error = failure(() => parse(schema, reversed, ['network']));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details.path).toEqual(['network', 'to']);
    expect(error.message).toBe('network.to: the window is reversed: to is before from / 时间窗口颠倒：结束早于开始');
  });

  it('the export options (CLI and API) refuse with the same words', () => {
    const error = failure(() => checkOptions({ communityId: 'c', network: 'TIES', format: 'csv', window: reversed }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details.path).toEqual(['to']);
    expect(error.message).toBe('the window is reversed: to is before from / 时间窗口颠倒：结束早于开始');
  });
});
