/**
 * `npm run privacy` checks its arguments before it connects to any database: each bad argument exits 1
 * with its reason in both languages (the database named is unreachable, so a run that got past the
 * arguments would fail to connect instead of printing a usage line).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function privacyCli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/privacy.ts', ...args], {
    encoding: 'utf8', env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' }, timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run privacy arguments', () => {
  it.each([
    [[], '--community is required / 缺少 --community'],
    [['--community', 'demo-small', '--k', '1'], '--k must be at least 2 / --k 至少为 2'],
    [['--community', 'demo-small', '--k', '2.5'], '--k must be a whole number / --k 须为整数'],
    [['--community', 'demo-small', '--k', 'five'], '--k must be'],
    [['--community', 'demo-small', '--coarsen', 'building=street'], '--coarsen: "building=street" is not auto or one of'],
    [['--community', 'demo-small', '--coarsen', 'height=drop'], '/ --coarsen 须为 auto 或 属性=层级'],
    [['--community', 'demo-small', '--coarsen', 'stage'], '--coarsen: "stage" is not auto'],
    [['--community', 'demo small'], '--community:'],
    [['--community', 'demo-small', '--verbose'], '/ 参数错误'],
  ])('%j → exit 1: %s', (args, reason) => {
    const r = privacyCli(...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(reason);
    expect(r.stderr).toContain('Run with --help for usage / 用 --help 查看用法');
    expect(r.stdout).toBe('');
  }, 60_000);

  it('goes past good arguments (then fails on the unreachable database, not on usage)', () => {
    const r = privacyCli('--community', 'demo-small', '--k', '3', '--coarsen', 'building=area,skills=any,stage=drop');
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('Run with --help');
  }, 120_000);

  it('prints its help in both languages', () => {
    const r = privacyCli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('k-anonymity of the quasi-identifiers researchers read / 研究者可见准标识符的 k-匿名性');
    expect(r.stdout).toContain('building=building|area|type|drop');
  }, 60_000);
});
