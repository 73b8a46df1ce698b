import { describe, expect, it } from 'vitest';
import {
  addRelSchema, createNodeSchema, filterSchema, identitySchema, pageArgs, updateNodeSchema,
} from '../../../src/schema/inputs.ts';
import { dateTime, id } from '../../../src/schema/zod-props.ts';
import { parse } from '../../../src/schema/parse.ts';
import { ReweaveError } from '../../../src/domain/errors.ts';
import type { z } from 'zod';

/** The paths of a failed parse's issues, or a failure when the input was accepted. */
function issuePaths(schema: z.ZodType, value: unknown): PropertyKey[][] {
  const result = schema.safeParse(value);
  expect(result.success, `expected ${JSON.stringify(value)} to be rejected`).toBe(false);
  return result.error?.issues.map((i) => i.path) ?? [];
}

const resident = { communityId: 'c1', displayName: '张阿姨' };

describe('createNodeSchema', () => {
  const schema = createNodeSchema('Resident');

  it('accepts a minimal valid resident', () => {
    expect(schema.parse(resident)).toMatchObject(resident);
  });

  it('trims strings', () => {
    expect(schema.parse({ ...resident, displayName: '  张阿姨 ' }).displayName).toBe('张阿姨');
  });

  it.each(['', '   '])('rejects the empty displayName %j at ["displayName"]', (displayName) => {
    expect(issuePaths(schema, { ...resident, displayName })).toEqual([['displayName']]);
  });

  it('requires displayName and communityId', () => {
    expect(issuePaths(schema, { communityId: 'c1' })).toEqual([['displayName']]);
    expect(issuePaths(schema, { displayName: '张阿姨' })).toEqual([['communityId']]);
  });

  it('rejects an unknown enum term', () => {
    expect(issuePaths(schema, { ...resident, housingType: 'CASTLE' })).toEqual([['housingType']]);
    expect(schema.parse({ ...resident, housingType: 'URBAN_VILLAGE' }).housingType).toBe('URBAN_VILLAGE');
  });

  it('lets a state field be given or left out at creation', () => {
    expect(schema.parse({ ...resident, cultivationStage: 'GOOD_PERSON' }).cultivationStage).toBe('GOOD_PERSON');
    expect(issuePaths(schema, { ...resident, cultivationStage: 'SAINT' })).toEqual([['cultivationStage']]);
  });

  it('rejects ids with spaces or quotes', () => {
    expect(issuePaths(schema, { ...resident, id: "r1') DETACH DELETE (x" })).toEqual([['id']]);
    expect(schema.parse({ ...resident, id: '居民-1' }).id).toBe('居民-1');
  });

  it('does not ask a Community for a communityId', () => {
    expect(createNodeSchema('Community').parse({ name: '桂溪社区' })).toMatchObject({ name: '桂溪社区' });
  });

  it('checks integer ranges', () => {
    const need = createNodeSchema('Need');
    const base = { communityId: 'c1', name: '助餐', category: 'SERVICE' };
    expect(need.parse({ ...base, urgency: 5 }).urgency).toBe(5);
    expect(issuePaths(need, { ...base, urgency: 6 })).toEqual([['urgency']]);
    expect(issuePaths(need, { ...base, urgency: 2.5 })).toEqual([['urgency']]);
  });
});

describe('dateTime', () => {
  it.each([
    ['2025-03-01', '2025-03-01T00:00:00.000Z'],
    ['2025-03-01T09:30:00+08:00', '2025-03-01T01:30:00.000Z'],
    ['2025-03-01T09:30:00Z', '2025-03-01T09:30:00.000Z'],
  ])('accepts %s as %s', (text, iso) => {
    const value = dateTime.parse(text);
    expect(value).toBeInstanceOf(Date);
    expect(value.toISOString()).toBe(iso);
  });

  it('accepts 29 February in leap years only', () => {
    expect(dateTime.parse('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(dateTime.safeParse('2025-02-29').success).toBe(false);
  });

  it.each(['2025-13-01', 'yesterday', '2025-02-30', '', '2025-03-01T09:30:00', '2025-03-01T09:30:00+0800'])('rejects %j', (text) => {
    expect(dateTime.safeParse(text).success).toBe(false);
  });

  it('works inside a node input', () => {
    const activity = createNodeSchema('Activity').parse({ communityId: 'c1', name: '议事会', kind: 'MEETING', date: '2025-03-01' });
    expect((activity.date as Date).toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });
});

describe('id', () => {
  it.each(['r-1', '居民-1', 'a.b:c_d'])('accepts %j', (value) => {
    expect(id.parse(value)).toBe(value);
  });

  it.each(['', ' ', 'a b', 'a/b', "a'b", 'x'.repeat(201)])('rejects %j', (value) => {
    expect(id.safeParse(value).success).toBe(false);
  });
});

describe('updateNodeSchema', () => {
  const schema = updateNodeSchema('Resident');

  it('accepts a partial update and null for clearing an optional field', () => {
    expect(schema.parse({ building: null })).toEqual({ building: null });
    expect(schema.parse({ endedAt: '2025-03-01' }).endedAt).toEqual(new Date('2025-03-01T00:00:00Z'));
  });

  it('is strict: an unknown key is rejected', () => {
    expect(schema.safeParse({ nickname: 'x' }).success).toBe(false);
    expect(schema.safeParse({ communityId: 'c2' }).success).toBe(false);
  });

  it('omits state fields', () => {
    expect(schema.safeParse({ cultivationStage: 'GOOD_PERSON' }).success).toBe(false);
    expect(updateNodeSchema('Partner').safeParse({ status: 'ACTIVE' }).success).toBe(false);
  });

  it('does not let a required field be cleared', () => {
    expect(issuePaths(schema, { displayName: null })).toEqual([['displayName']]);
  });
});

describe('addRelSchema', () => {
  const membership = addRelSchema('MEMBERSHIP');
  const valid = { residentId: 'r1', organizationId: 'o1', role: 'MEMBER' };

  it('accepts a membership with its endpoints and role', () => {
    expect(membership.parse(valid)).toMatchObject(valid);
  });

  it.each(['residentId', 'organizationId', 'role'])('requires %s', (key) => {
    const { [key]: _dropped, ...rest } = valid as Record<string, string>;
    expect(issuePaths(membership, rest)).toEqual([[key]]);
  });

  it('rejects until before since at ["until"]', () => {
    expect(issuePaths(membership, { ...valid, since: '2025-03-01', until: '2025-01-01' })).toEqual([['until']]);
    expect(membership.safeParse({ ...valid, since: '2025-03-01', until: '2025-03-01' }).success).toBe(true);
    expect(membership.safeParse({ ...valid, until: '2025-01-01' }).success).toBe(true);
  });

  it('requires `at` for an event (ATTENDANCE) and has no since/until', () => {
    const attendance = addRelSchema('ATTENDANCE');
    const base = { residentId: 'r1', activityId: 'a1', role: 'PARTICIPANT' };
    expect(issuePaths(attendance, base)).toEqual([['at']]);
    expect((attendance.parse({ ...base, at: '2025-03-01' }).at as Date).toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(attendance.parse({ ...base, at: '2025-03-01', since: '2025-01-01' })).not.toHaveProperty('since');
  });

  it('names the endpoint arguments after the endpoint fields', () => {
    const exchange = addRelSchema('EXCHANGE');
    expect(exchange.safeParse({ providerId: 'r1', recipientId: 'r2', at: '2025-03-01', hours: 2 }).success).toBe(true);
    expect(issuePaths(exchange, { providerId: 'r1', recipientId: 'r2', at: '2025-03-01', hours: -1 })).toEqual([['hours']]);
  });
});

describe('pageArgs', () => {
  it.each([{}, { first: 0 }, { first: 500 }, { first: null, after: null }])('accepts %j', (args) => {
    expect(pageArgs.safeParse(args).success).toBe(true);
  });

  it.each([{ first: 501 }, { first: -1 }, { first: 1.5 }])('rejects %j at ["first"]', (args) => {
    expect(issuePaths(pageArgs, args)).toEqual([['first']]);
  });
});

describe('filterSchema and identitySchema', () => {
  it('accepts enum lists and rejects unknown terms', () => {
    const filter = filterSchema('Resident');
    expect(filter.safeParse({ cultivationStage: ['GOOD_PERSON'], partyMember: true }).success).toBe(true);
    expect(issuePaths(filter, { cultivationStage: ['SAINT'] })).toEqual([['cultivationStage', 0]]);
    expect(filter.safeParse(null).success).toBe(true);
  });

  it('checks phone and ID numbers', () => {
    expect(identitySchema.safeParse({ phone: '+86 138-0000-0000', idNumber: '11010519491231002X' }).success).toBe(true);
    expect(issuePaths(identitySchema, { phone: 'call me' })).toEqual([['phone']]);
    expect(identitySchema.safeParse({ email: 'a@b.c' }).success).toBe(false);
  });
});

describe('parse()', () => {
  const schema = createNodeSchema('Resident');

  it('returns the parsed value', () => {
    expect(parse(schema, resident, ['input'])).toMatchObject(resident);
  });

  it('throws BAD_USER_INPUT with the path prefixed by where the value sits', () => {
    let caught: unknown;
    try {
      parse(schema, { ...resident, displayName: '' }, ['input']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ReweaveError);
    const error = caught as ReweaveError;
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details.path).toEqual(['input', 'displayName']);
    expect(error.message).toMatch(/^input\.displayName: /);
    expect(error.details.issues).toEqual([{ path: ['input', 'displayName'], message: expect.any(String) }]);
  });

  it('keeps array indices as numbers in the path', () => {
    try {
      parse(filterSchema('Resident'), { cultivationStage: ['GOOD_PERSON', 'SAINT'] }, ['filter']);
      expect.unreachable('parse accepted an unknown term');
    } catch (error) {
      expect((error as ReweaveError).details.path).toEqual(['filter', 'cultivationStage', 1]);
    }
  });

  it('reports every issue with the same path as details.path (numbers stay numbers)', () => {
    try {
      parse(filterSchema('Resident'), { cultivationStage: ['SAINT'] }, ['filter']);
      expect.unreachable('parse accepted an unknown term');
    } catch (error) {
      const { path, issues } = (error as ReweaveError).details as { path: unknown; issues: { path: unknown }[] };
      expect(issues[0]?.path).toEqual(path);
    }
  });

  it('uses "input" in the message when the whole value is wrong', () => {
    expect(() => parse(schema, 'not an object')).toThrow(/^input: /);
  });
});
