import { describe, expect, it } from 'vitest';
import { propsForCreate, propsForUpdate } from '../../../src/services/nodes/props.ts';
import { decodeCursor, encodeCursor } from '../../../src/services/nodes/list-nodes.ts';
import { pseudonym, shapeNode } from '../../../src/services/shape.ts';
import { ReweaveError } from '../../../src/domain/errors.ts';
import { termsOf, type Role } from '../../../src/domain/vocabulary.ts';
import type { NodeRecord } from '../../../src/domain/records.ts';
import type { Principal } from '../../../src/domain/permissions.ts';

describe('propsForCreate', () => {
  it('fills state properties with their initial values', () => {
    expect(propsForCreate('Resident', { displayName: '张阿姨' })).toEqual({ displayName: '张阿姨', cultivationStage: 'UNIDENTIFIED' });
    expect(propsForCreate('Partner', { name: '邻里合伙人' })).toEqual({ name: '邻里合伙人', kind: 'INDIVIDUAL', status: 'CALLED' });
    expect(propsForCreate('Organization', { name: '书画社', type: 'SELF_ORGANIZATION' })).toMatchObject({
      orientation: 'SELF_BENEFIT', developmentStage: 'ACTIVITIES',
    });
  });

  it('keeps a given state value instead of the initial one', () => {
    expect(propsForCreate('Resident', { displayName: 'x', cultivationStage: 'GOOD_PERSON' }).cultivationStage).toBe('GOOD_PERSON');
  });

  it('drops null and undefined, and keys outside the model', () => {
    const props = propsForCreate('Resident', {
      id: 'r1', communityId: 'c1', displayName: 'x', building: null, housingArea: undefined, nickname: 'y',
    });
    expect(props).toEqual({ displayName: 'x', cultivationStage: 'UNIDENTIFIED' });
    expect(Object.keys(props)).not.toContain('building');
  });

  it('keeps falsy values that are not null (false, 0, empty lists)', () => {
    expect(propsForCreate('Resident', { displayName: 'x', partyMember: false, skills: [] })).toMatchObject({ partyMember: false, skills: [] });
    expect(propsForCreate('Community', { name: 'c', population: 0 })).toEqual({ name: 'c', population: 0 });
  });

  it('passes dates through as Date', () => {
    const date = new Date('2025-03-01T00:00:00Z');
    expect(propsForCreate('Activity', { name: 'a', kind: 'MEETING', date }).date).toBe(date);
  });
});

describe('propsForUpdate', () => {
  it('drops state properties', () => {
    expect(propsForUpdate('Resident', { cultivationStage: 'GROUP_LEADER', building: '3号楼' })).toEqual({ building: '3号楼' });
    expect(propsForUpdate('Partner', { status: 'ACTIVE', kind: 'BUSINESS' })).toEqual({});
  });

  it('keeps null, which clears the property', () => {
    expect(propsForUpdate('Resident', { building: null })).toEqual({ building: null });
  });

  it('keeps endedAt and drops undefined and unknown keys', () => {
    const endedAt = new Date('2025-06-30T00:00:00Z');
    expect(propsForUpdate('Resident', { endedAt, housingArea: undefined, communityId: 'c2', id: 'other' })).toEqual({ endedAt });
    expect(propsForUpdate('Resident', { endedAt: null })).toEqual({ endedAt: null });
  });
});

describe('cursors', () => {
  it.each(['r1', '居民-1', 'a.b:c_d-9', 'x'.repeat(200), '🙂'])('round-trip %j', (id) => {
    const cursor = encodeCursor(id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toBe(id);
  });

  it('is opaque: not the id itself', () => {
    expect(encodeCursor('r1')).not.toBe('r1');
  });

  it.each(['!!', '', 'cjE=', 'cjE==', 'r1 '])('rejects %j with BAD_USER_INPUT at ["after"]', (cursor) => {
    let caught: unknown;
    try {
      decodeCursor(cursor);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ReweaveError);
    expect((caught as ReweaveError).code).toBe('BAD_USER_INPUT');
    expect((caught as ReweaveError).details.path).toEqual(['after']);
  });
});

describe('pseudonym and shapeNode', () => {
  const SECRET = 'deployment-secret';
  const ctx = (role: Role) => ({ principal: { tokenId: 't', role, communities: ['*'] } as Principal, pseudonymSecret: SECRET });
  const resident: NodeRecord = { _label: 'Resident', id: 'r1', communityId: 'c1', displayName: '张阿姨', building: '3号楼' };
  const partner: NodeRecord = { _label: 'Partner', id: 'p1', communityId: 'c1', name: '邻里合伙人', kind: 'INDIVIDUAL', status: 'CALLED', createdAt: new Date('2025-01-01T00:00:00Z') };

  it('is stable, distinct per id and secret, and does not contain the id', () => {
    expect(pseudonym('r1', SECRET)).toBe(pseudonym('r1', SECRET));
    expect(pseudonym('r1', SECRET)).toMatch(/^R-[0-9a-f]{10}$/);
    expect(pseudonym('r1', SECRET)).not.toBe(pseudonym('r2', SECRET));
    expect(pseudonym('r1', 'another secret')).not.toBe(pseudonym('r1', SECRET));
    expect(pseudonym('居民-1', SECRET)).not.toContain('居民');
  });

  it('replaces a resident\'s displayName with its pseudonym for RESEARCHER', () => {
    const shaped = shapeNode(ctx('RESEARCHER'), resident);
    expect(shaped.displayName).toBe(pseudonym('r1', SECRET));
    expect(JSON.stringify(shaped)).not.toContain('张阿姨');
    expect(shaped).toMatchObject({ id: 'r1', building: '3号楼' });
    expect(resident.displayName).toBe('张阿姨');
  });

  it.each(termsOf('Role').filter((r) => r !== 'RESEARCHER'))('shows the displayName to %s', (role) => {
    expect(shapeNode(ctx(role), resident).displayName).toBe('张阿姨');
  });

  it("reads an individual partner's name as its pseudonym for RESEARCHER, and leaves a business's name and other labels alone", () => {
    expect(shapeNode(ctx('RESEARCHER'), partner)).toEqual({ ...partner, name: pseudonym('p1', SECRET, 'P-') });
    const business: NodeRecord = { ...partner, kind: 'BUSINESS', name: '邻里咖啡馆' };
    expect(shapeNode(ctx('RESEARCHER'), business)).toEqual(business);
    const organisation: NodeRecord = { _label: 'Organization', id: 'o1', communityId: 'c1', name: '银龄志愿服务队', type: 'SELF_ORGANIZATION', orientation: 'SELF_BENEFIT', developmentStage: 'ACTIVITIES', createdAt: new Date('2025-01-01T00:00:00Z') };
    expect(shapeNode(ctx('RESEARCHER'), organisation)).toEqual(organisation);
  });

  it('withholds free text from RESEARCHER only', () => {
    const described: NodeRecord = { ...partner, kind: 'BUSINESS', description: '徐姐牵头' };
    expect(shapeNode(ctx('RESEARCHER'), described).description).toBeNull();
    expect(shapeNode(ctx('ANALYST'), described).description).toBe('徐姐牵头');
  });
});
