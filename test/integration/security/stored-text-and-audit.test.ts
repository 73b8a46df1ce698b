/**
 * Texts the policy refuses (NUL, lone surrogates, bidi overrides, zero-width characters in names)
 * are BAD_USER_INPUT at their field on mutations and a rejected row on importRows, and nothing is
 * written; every mutation request — answered or refused — is in the audit log, which only an ADMIN
 * of every community reads, with secrets and identifying details redacted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, snapshot, startTestApi, uniqueId, type GqlResult, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const CREATE = 'mutation($input: CreateResidentInput!) { createResident(input: $input) { id displayName } }';
const IMPORT = 'mutation($input: ImportRowsInput!) { importRows(input: $input) { written created errors { row column reason } } }';
const resident = (extra: Record<string, unknown>) => ({ id: uniqueId('r'), communityId: api.communityId, displayName: '王阿姨', ...extra });

describe('the text policy on the write paths', () => {
  it.each([
    ['NUL', '王\u0000阿姨', 'U+0000'],
    ['a lone surrogate', '王\uD800阿姨', 'U+D800'],
    ['RIGHT-TO-LEFT OVERRIDE', '王\u202E姨阿', 'U+202E'],
    ['a zero-width space', '王\u200B阿姨', 'U+200B'],
  ])('refuses a display name with %s at input.displayName, and writes nothing', async (_what, displayName, codePoint) => {
    const before = await snapshot(api.db, api.communityId);
    const r = await api.gql(CREATE, { input: resident({ displayName }) });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toBe('input.displayName');
    expect(r.errors![0]!.message).toContain(codePoint);
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });

  it('refuses the same in an imported row, naming the column, and writes nothing', async () => {
    const before = await snapshot(api.db, api.communityId);
    const r = await api.gql(IMPORT, { input: { file: 'Resident', rows: [resident({ displayName: '李\u2066叔' })] } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.importRows).toMatchObject({ written: false, created: 0 });
    expect(r.data!.importRows.errors[0]).toMatchObject({ row: 1, column: 'displayName' });
    expect(r.data!.importRows.errors[0].reason).toMatch(/U\+2066/);
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });

  it('keeps line breaks in free text and stores an ordinary name', async () => {
    const r = await api.gql('mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id name description } }', {
      input: { id: uniqueId('p'), communityId: api.communityId, name: '书法社', kind: 'COMMUNITY_GROUP', description: '每周三活动。\n地点：活动室\t二楼' },
    });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data!.createPartner).toMatchObject({ name: '书法社', description: '每周三活动。\n地点：活动室\t二楼' });
  });
});

const LOG = 'query($first: Int, $after: String) { auditLog(first: $first, after: $after) { edges { cursor node { id at tokenId role tokenCommunities operationName fields variables outcome errorCodes } } pageInfo { hasNextPage endCursor } } }';

interface Entry { id: string; tokenId: string; role: string; operationName: string | null; fields: string[]; variables: string; outcome: string; errorCodes: string[] }

async function recent(n = 50): Promise<Entry[]> {
  const r: GqlResult = await api.gql(LOG, { first: n }, api.tokens.GLOBAL_ADMIN);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.auditLog.edges.map((e: { node: Entry }) => e.node);
}

describe('the audit log', () => {
  it('records an answered and a refused mutation with who, what and the outcome; secrets redacted', async () => {
    const me = (await api.gql('{ me { tokenId } }')).data!.me.tokenId as string;
    const id = uniqueId('r-audit');
    const ok = await api.gql(`mutation Enrol($input: CreateResidentInput!) { createResident(input: $input) { id } }`, { input: resident({ id }) });
    expect(ok.errors).toBeUndefined();
    const refused = await api.gql(CREATE, { input: resident({ displayName: 'x\u202E' }) });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    const identity = await api.gql('mutation($rid: ID!, $input: IdentityInput!) { setResidentIdentity(residentId: $rid, input: $input) { realName } }', { rid: id, input: { realName: '王秀英', phone: '13800000000' } });
    expect(identity.errors, JSON.stringify(identity.errors)).toBeUndefined();

    const mine = (await recent(100)).filter((e) => e.tokenId === me);
    const enrol = mine.find((e) => e.operationName === 'Enrol')!;
    expect(enrol).toMatchObject({ role: 'ADMIN', fields: ['createResident'], outcome: 'OK', errorCodes: [] });
    expect(JSON.parse(enrol.variables).input.id).toBe(id);
    const bad = mine.find((e) => e.outcome === 'ERROR' && e.fields[0] === 'createResident')!;
    expect(bad.errorCodes).toEqual(['BAD_USER_INPUT']);
    const ident = mine.find((e) => e.fields[0] === 'setResidentIdentity')!;
    expect(ident.outcome).toBe('OK');
    expect(ident.variables).not.toMatch(/王秀英|13800000000/);
    expect(JSON.parse(ident.variables)).toEqual({ rid: id, input: '[redacted]' });
  });

  it('pages newest first without skipping or repeating', async () => {
    for (let i = 0; i < 3; i += 1) await api.gql('mutation($input: CreateResidentInput!) { createResident(input: $input) { id } }', { input: resident({}) });
    const first: GqlResult = await api.gql(LOG, { first: 2 }, api.tokens.GLOBAL_ADMIN);
    const page1 = first.data!.auditLog;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second: GqlResult = await api.gql(LOG, { first: 2, after: page1.pageInfo.endCursor }, api.tokens.GLOBAL_ADMIN);
    const all = [...page1.edges, ...second.data!.auditLog.edges].map((e: { node: { id: string; at: string } }) => e.node);
    expect(new Set(all.map((e) => e.id)).size).toBe(4);
    const times = all.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Other files' mutations land in the same log while this runs, so a later read may hold more
    // entries; the two pages must still appear in it in the same order (a keyset cursor on (at, id)
    // is not shifted by entries added at the head).
    const later = (await recent(100)).map((e) => e.id);
    const positions = all.map((e) => later.indexOf(e.id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it.each(['ADMIN', 'ANALYST', 'RESEARCHER', 'OTHER_ADMIN'] as const)('is FORBIDDEN to a %s token of one community', async (role) => {
    const r = await api.gql(LOG, { first: 5 }, api.tokens[role]);
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(r.errors![0]!.message).toMatch(/审计日志/);
  });

  it('refuses a page past 100 at first', async () => {
    const r = await api.gql(LOG, { first: 101 }, api.tokens.GLOBAL_ADMIN);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toBe('first');
  });

  it('is indexed on id (a retried batch merges on it) and on at (the newest-first page)', async () => {
    const session = api.db.driver.session();
    try {
      const rows = await session.run(`SHOW INDEXES YIELD name, labelsOrTypes, properties, state WHERE 'AuditEntry' IN labelsOrTypes RETURN name, properties, state ORDER BY name`);
      expect(rows.records.map((r) => [r.get('name'), r.get('properties'), r.get('state')])).toEqual([
        ['audit_entry_at', ['at'], 'ONLINE'],
        ['audit_entry_id', ['id'], 'ONLINE'],
      ]);
      const plan = await session.run('EXPLAIN MATCH (a:AuditEntry {id: $id}) RETURN a', { id: 'x' });
      expect(JSON.stringify(plan.summary.plan)).toContain('NodeIndexSeek');
    } finally {
      await session.close();
    }
  });
});
