/**
 * The export CLI writes real display names only when asked for them by name: without --pseudonymise
 * or --real-names it stops before it connects to any database, says why, and writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'reweave-export-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function exportCli(...extra: string[]) {
  const out = path.join(dir, `out-${extra.join('').replace(/\W/g, '') || 'none'}`);
  // An unreachable database: a run that got past the arguments would fail to connect, not exit 1 with a usage line.
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', '--community', 'demo-small', '--network', 'TIES', '--format', 'csv', '--out', out, ...extra], {
    encoding: 'utf8', env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' }, timeout: 60_000,
  });
  return { code: run.status, stderr: run.stderr, wrote: existsSync(out) };
}

describe('npm run export and real names', () => {
  it('refuses to write real display names unless --real-names says so, writing nothing', () => {
    const r = exportCli();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refusing to write real display names: add --pseudonymise (pseudonyms) or --real-names');
    expect(r.stderr).toContain('拒绝导出真实显示名');
    expect(r.wrote).toBe(false);
  }, 60_000);

  it('refuses --real-names with --pseudonymise, and a salt without pseudonyms', () => {
    expect(exportCli('--real-names', '--pseudonymise').stderr).toContain('--pseudonymise and --real-names exclude each other');
    expect(exportCli('--real-names', '--salt', 'x').stderr).toContain('--salt needs --pseudonymise');
  }, 60_000);

  it('goes past the arguments with either choice (then fails on the unreachable database, not on usage)', () => {
    for (const choice of [['--real-names'], ['--pseudonymise']]) {
      const r = exportCli(...choice);
      expect(r.code).toBe(1);
      expect(r.stderr).not.toContain('Run with --help');
    }
  }, 120_000);
});
