import { describe, expect, it } from 'vitest';
import { buildListQuery } from '../../../src/services/nodes/list-nodes.ts';
import { ReweaveError } from '../../../src/domain/errors.ts';
import type { ServiceContext } from '../../../src/services/context.ts';
import type { Database } from '../../../src/db/database.ts';
import type { Principal } from '../../../src/domain/permissions.ts';
import type { Role } from '../../../src/domain/vocabulary.ts';

// buildListQuery only reads the principal; the database is never touched.
const ctx = (role: Role, communities: string[] = ['c1', 'c2']): ServiceContext => ({
  db: {} as Database,
  principal: { tokenId: 't', role, communities } satisfies Principal,
  now: () => new Date(0),
  pseudonymSecret: 'test',
});

describe('buildListQuery', () => {
  it('limits an unfiltered list to the caller\'s communities, or none with "*"', () => {
    expect(buildListQuery(ctx('ADMIN'), 'Resident', null).communityIds).toEqual(['c1', 'c2']);
    expect(buildListQuery(ctx('ADMIN', ['*']), 'Resident', undefined).communityIds).toBeNull();
  });

  it('refuses a requested community outside the scope', () => {
    expect(() => buildListQuery(ctx('ADMIN'), 'Resident', { communityIds: ['c3'] })).toThrow(ReweaveError);
    expect(buildListQuery(ctx('ADMIN'), 'Resident', { communityIds: ['c2'] }).communityIds).toEqual(['c2']);
  });

  it('turns enum, boolean and date filters into query parts keyed by model properties', () => {
    const from = new Date('2025-01-01T00:00:00Z');
    const q = buildListQuery(ctx('ADMIN'), 'Resident', {
      cultivationStage: ['GOOD_PERSON'], housingType: [], partyMember: false, createdFrom: from,
    });
    expect(q.in).toEqual([{ key: 'cultivationStage', values: ['GOOD_PERSON'] }]);
    expect(q.eq).toEqual([{ key: 'partyMember', value: false }]);
    expect(q.ranges).toEqual([{ key: 'createdAt', from, to: null }]);
    expect(buildListQuery(ctx('ADMIN'), 'Activity', { dateTo: from }).ranges).toEqual([{ key: 'date', from: null, to: from }]);
  });

  it('searches the label\'s search property in lower case', () => {
    const q = buildListQuery(ctx('ADMIN'), 'Partner', { search: 'ABC合伙' });
    expect(q).toMatchObject({ searchKey: 'name', search: 'abc合伙' });
    expect(buildListQuery(ctx('ADMIN'), 'Partner', { search: '' }).search).toBeNull();
  });

  // RESEARCHER sees residents under pseudonyms only; a substring search on the real displayName
  // would be an oracle that links a known name to its pseudonym (search "张阿姨" → R-…).
  it('does not let a RESEARCHER search residents by their hidden displayName', () => {
    let q: ReturnType<typeof buildListQuery> | undefined;
    try {
      q = buildListQuery(ctx('RESEARCHER'), 'Resident', { search: '张阿姨' });
    } catch (error) {
      expect(error).toBeInstanceOf(ReweaveError);
      return;
    }
    expect(q.search === null || q.searchKey !== 'displayName', 'a researcher\'s search reaches displayName').toBe(true);
  });
});
