import { describe, expect, it } from 'vitest';
import {
  ALL_COMMUNITIES, inScope, mayReadIdentity, mayUpdateNode, mayWriteIdentity, mayWriteNode, mayWriteRel,
  seesAll, seesPseudonymsOnly, type Principal,
} from '../../../src/domain/permissions.ts';
import { NODE_LABELS, REL_KINDS, type NodeLabel, type RelKind } from '../../../src/domain/model.ts';
import { termsOf, type Role } from '../../../src/domain/vocabulary.ts';

const as = (role: Role, communities: readonly string[] = ['c1']): Principal => ({ tokenId: `t-${role}`, role, communities });
const ROLES = termsOf('Role');
const READ_ONLY: Role[] = ['EVALUATOR', 'RESEARCHER', 'ANALYST'];

const COORDINATOR_NODES: NodeLabel[] = ['Resource', 'Need', 'Project', 'Space'];
const POOL_RELS: RelKind[] = [
  'POOL_ENTRY', 'OFFER', 'NEED_OWNER', 'NEED_ADDRESSED', 'RESOURCE_USE', 'CLAIM', 'PROJECT_RUN', 'CONFERENCE_MEMBERSHIP',
];

describe('inScope', () => {
  it('admits the listed communities only', () => {
    expect(inScope(as('ADMIN', ['c1', 'c2']), 'c1')).toBe(true);
    expect(inScope(as('ADMIN', ['c1', 'c2']), 'c2')).toBe(true);
    expect(inScope(as('ADMIN', ['c1', 'c2']), 'c3')).toBe(false);
    expect(inScope(as('ADMIN', []), 'c1')).toBe(false);
  });

  it("admits every community with '*'", () => {
    expect(ALL_COMMUNITIES).toBe('*');
    expect(inScope(as('RESEARCHER', ['*']), 'anything')).toBe(true);
    expect(seesAll(as('RESEARCHER', ['*']))).toBe(true);
    expect(seesAll(as('ADMIN', ['c1']))).toBe(false);
  });

  it('does not treat a community id as a pattern', () => {
    expect(inScope(as('ADMIN', ['c']), 'c1')).toBe(false);
    expect(inScope(as('ADMIN', ['c1']), '*')).toBe(false);
  });
});

describe('ADMIN', () => {
  it.each(NODE_LABELS.filter((l) => l !== 'Community'))('writes %s in its scope', (label) => {
    expect(mayWriteNode(as('ADMIN'), label)).toBe(true);
    expect(mayUpdateNode(as('ADMIN'), label)).toBe(true);
  });

  it("creates or deletes a Community only with '*', but updates its own", () => {
    expect(mayWriteNode(as('ADMIN', ['c1']), 'Community')).toBe(false);
    expect(mayWriteNode(as('ADMIN', ['*']), 'Community')).toBe(true);
    expect(mayUpdateNode(as('ADMIN', ['c1']), 'Community')).toBe(true);
  });

  it.each(REL_KINDS)('writes %s', (kind) => {
    expect(mayWriteRel(as('ADMIN'), kind)).toBe(true);
  });

  it('reads and writes identity', () => {
    expect(mayReadIdentity(as('ADMIN'))).toBe(true);
    expect(mayWriteIdentity(as('ADMIN'))).toBe(true);
  });
});

describe('COORDINATOR', () => {
  const c = as('COORDINATOR', ['*']);

  it.each(NODE_LABELS)('writes %s only if it is a pool or project node', (label) => {
    expect(mayWriteNode(c, label)).toBe(COORDINATOR_NODES.includes(label));
    expect(mayUpdateNode(c, label)).toBe(COORDINATOR_NODES.includes(label));
  });

  it('does not write residents or communities even with every community in scope', () => {
    expect(mayWriteNode(c, 'Resident')).toBe(false);
    expect(mayUpdateNode(c, 'Resident')).toBe(false);
    expect(mayWriteNode(c, 'Community')).toBe(false);
    expect(mayUpdateNode(c, 'Community')).toBe(false);
  });

  it.each(REL_KINDS)('writes %s only if it is a pool relationship', (kind) => {
    expect(mayWriteRel(c, kind)).toBe(POOL_RELS.includes(kind));
  });

  it('does not touch identity', () => {
    expect(mayReadIdentity(c)).toBe(false);
    expect(mayWriteIdentity(c)).toBe(false);
  });
});

describe.each(READ_ONLY)('%s', (role) => {
  const p = as(role, ['*']);

  it('writes no node', () => {
    expect(NODE_LABELS.filter((l) => mayWriteNode(p, l) || mayUpdateNode(p, l))).toEqual([]);
  });

  it('writes no relationship', () => {
    expect(REL_KINDS.filter((k) => mayWriteRel(p, k))).toEqual([]);
  });

  it('writes no identity', () => {
    expect(mayWriteIdentity(p)).toBe(false);
  });
});

describe('identity and pseudonyms', () => {
  it('lets only ADMIN and ANALYST read identity', () => {
    expect(ROLES.filter((r) => mayReadIdentity(as(r, ['*']))).sort()).toEqual(['ADMIN', 'ANALYST']);
  });

  it('lets only ADMIN write identity', () => {
    expect(ROLES.filter((r) => mayWriteIdentity(as(r, ['*'])))).toEqual(['ADMIN']);
  });

  it('gives pseudonyms only to RESEARCHER', () => {
    expect(ROLES.filter((r) => seesPseudonymsOnly(as(r, ['*'])))).toEqual(['RESEARCHER']);
  });
});
