/** importRows through GraphQL: the importer's checks, scoped to the caller's communities. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, snapshot, startTestApi, type TestApi } from '../../helpers/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const IMPORT = `mutation($input: ImportRowsInput!) { importRows(input: $input) { written created updated unchanged rejected errors { row column reason } } }`;

describe('importRows', () => {
  it('imports a batch, then finds it unchanged', async () => {
    const rows = [
      { id: `${api.communityId}-a`, communityId: api.communityId, '显示名（化名）': '甲', housingType: '城中村' },
      { id: `${api.communityId}-b`, communityId: api.communityId, displayName: '乙', partyMember: '是' },
    ];
    const first = await api.gql(IMPORT, { input: { file: 'Resident', rows } });
    expect(first.data!.importRows).toMatchObject({ written: true, created: 2, rejected: 0, errors: [] });
    const second = await api.gql(IMPORT, { input: { file: 'Resident', rows } });
    expect(second.data!.importRows).toMatchObject({ written: true, created: 0, unchanged: 2 });
    const r = await api.gql('query($id: ID!) { resident(id: $id) { housingType partyMember } }', { id: `${api.communityId}-a` });
    expect(r.data!.resident).toEqual({ housingType: 'URBAN_VILLAGE', partyMember: null });
  });

  it('rejects the whole batch on a bad row, naming row, column and reason', async () => {
    const before = await snapshot(api.db, api.communityId);
    const result = await api.gql(IMPORT, {
      input: { file: 'Resident', rows: [{ id: `${api.communityId}-c`, communityId: api.communityId, displayName: '丙' }, { id: `${api.communityId}-d`, communityId: api.communityId, displayName: '丁', housingType: 'CASTLE' }] },
    });
    expect(result.data!.importRows.written).toBe(false);
    expect(result.data!.importRows.errors[0]).toMatchObject({ row: 2, column: 'housingType' });
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });

  it('refuses rows of another community and non-admin roles', async () => {
    const before = await snapshot(api.db, api.communityId);
    const other = await api.gql(IMPORT, { input: { file: 'Resident', rows: [{ id: 'x-1', communityId: api.otherCommunityId, displayName: '外' }] } });
    expect(other.data!.importRows.written).toBe(false);
    expect(other.data!.importRows.errors[0]).toMatchObject({ row: 1, column: 'communityId' });
    expect(other.data!.importRows.errors[0].reason).toMatch(/outside this token's scope/);
    expect(codeOf(await api.gql(IMPORT, { input: { file: 'Resident', rows: [] } }, api.tokens.ANALYST))).toBe('FORBIDDEN');
    const tooMany = await api.gql(IMPORT, { input: { file: 'Resident', rows: Array.from({ length: 1001 }, () => ({})) } });
    expect(tooMany.errors![0]!.extensions!.field).toBe('input.rows');
    expect(await snapshot(api.db, api.communityId)).toBe(before);
  });
});
