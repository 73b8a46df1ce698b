/**
 * `npm run token` as a user runs it: a child process against the run's real Neo4j, its tokens checked
 * against the real server. The tokens this file creates are deleted afterwards (tests own their data).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, revokeToken, TOKEN_CACHE_SECONDS } from '../../../src/services/auth/tokens.ts';
import { codeOf, neo4jUri, post, startTestApi, uniqueId, type TestApi } from '../../helpers/api.ts';
import { runCli } from '../../helpers/cli.ts';

const cli = (...args: string[]) => runCli('src/cli/token.ts', args, { NEO4J_URI: neo4jUri() });

const tokenIn = (out: string) => /\b(rw_[A-Za-z0-9_-]+)/.exec(out)?.[1];
const idIn = (out: string) => /^id:\s+(\S+)/m.exec(out)?.[1];

const me = async (api: TestApi, token: string) =>
  post<{ me: { role: string; communities: string[] } }>(api.app.url, { query: '{ me { role communities } }' }, token);

describe('npm run token (src/cli/token.ts)', () => {
  let api: TestApi;
  const created: string[] = [];
  const c1 = uniqueId('cli-c1');
  const c2 = uniqueId('cli-c2');
  const name = uniqueId('cli-token 令牌');

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    const session = api.db.driver.session();
    try {
      await session.run('MATCH (t:ApiToken) WHERE t.id IN $ids DETACH DELETE t', { ids: created });
    } finally {
      await session.close();
    }
    await api.close();
  });

  let token = '';
  let id = '';

  it('create prints the token once, with its id, role and communities; the token authenticates', async () => {
    const run = await cli('create', '--role', 'ANALYST', '--communities', `${c1},${c2}`, '--name', name);
    expect(run.code, run.stderr).toBe(0);
    token = tokenIn(run.stdout) ?? '';
    id = idIn(run.stdout) ?? '';
    expect(token).toMatch(/^rw_/);
    expect(id).not.toBe('');
    created.push(id);
    expect(run.stdout.split(token)).toHaveLength(2); // printed exactly once
    expect(run.stdout).toMatch(/^role:\s+ANALYST$/m);
    expect(run.stdout).toContain(`${c1},${c2}`);

    const res = await me(api, token);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.me).toEqual({ role: 'ANALYST', communities: [c1, c2] });
  });

  it("--communities '*' gives every community", async () => {
    const run = await cli('create', '--role', 'researcher', '--communities', '*');
    expect(run.code, run.stderr).toBe(0);
    created.push(idIn(run.stdout)!);
    const res = await me(api, tokenIn(run.stdout)!);
    expect(res.body.data?.me).toEqual({ role: 'RESEARCHER', communities: ['*'] });
  });

  it('list shows the token without the token itself or its hash', async () => {
    const run = await cli('list');
    expect(run.code, run.stderr).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.startsWith(id));
    expect(line).toBeDefined();
    expect(line).toContain(name);
    expect(line).toContain('ANALYST');
    expect(line).toContain(`${c1},${c2}`);
    expect(run.stdout).toMatch(/^id\s+name\s+role\s+communities\s+created\s+revoked/);
    expect(run.stdout).not.toContain(token);
    expect(run.stdout).not.toContain(hashToken(token));
    expect(run.stdout).not.toMatch(/\b[0-9a-f]{64}\b/);
  });

  it('revoke makes the same token UNAUTHENTICATED within the server\'s token cache time, and list shows when', async () => {
    expect((await me(api, token)).status).toBe(200); // known to the server, so cached there
    const run = await cli('revoke', id);
    expect(run.code, run.stderr).toBe(0);
    const revokedAt = Date.now();
    let res = await me(api, token);
    while (res.status === 200 && Date.now() - revokedAt < (TOKEN_CACHE_SECONDS + 2) * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      res = await me(api, token);
    }
    expect(res.status).toBe(401);
    expect(codeOf(res.body)).toBe('UNAUTHENTICATED');
    expect(Date.now() - revokedAt).toBeLessThanOrEqual((TOKEN_CACHE_SECONDS + 1) * 1000);

    const listed = await cli('list');
    const line = listed.stdout.split('\n').find((l) => l.startsWith(id)) ?? '';
    expect(line).toMatch(/\d{4}-\d\d-\d\dT\S+\s+\d{4}-\d\d-\d\dT\S+$/); // created and revoked dates
  });

  it('a token revoked by the server\'s own process stops at once, cache or not', async () => {
    const run = await cli('create', '--role', 'ANALYST', '--communities', c1);
    const own = tokenIn(run.stdout) ?? '';
    const ownId = idIn(run.stdout) ?? '';
    created.push(ownId);
    expect((await me(api, own)).status).toBe(200);
    expect((await revokeToken(api.db, ownId))?.id).toBe(ownId);
    const res = await me(api, own);
    expect(res.status).toBe(401);
    expect(codeOf(res.body)).toBe('UNAUTHENTICATED');
  });

  it('revoke of an unknown id exits 1', async () => {
    const run = await cli('revoke', uniqueId('no-such-token'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No token with id');
  });

  it('a bad role exits 1 naming the allowed roles, before touching the database', async () => {
    const run = await cli('create', '--role', 'BOSS', '--communities', c1);
    expect(run.code).toBe(1);
    for (const role of ['ADMIN', 'ANALYST', 'COORDINATOR', 'EVALUATOR', 'RESEARCHER']) expect(run.stderr).toContain(role);
    expect(run.stderr).toContain('角色');
    expect(run.stdout).not.toMatch(/rw_/);
  });

  it('missing --communities and unknown options exit 1 with a bilingual message', async () => {
    const missing = await cli('create', '--role', 'ADMIN');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--communities is required');
    const unknown = await cli('create', '--rol', 'ADMIN', '--communities', c1);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('未知选项');
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('npm run token -- create --role');
  });
});
