/**
 * The environment is checked once, at start-up (src/config.ts): defaults equal to the services' own,
 * a blank variable as unset, and a bad value refused naming the variable — never a silent fallback.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyticsSettings, childEnvironment, demoEnd, loadConfig } from '../../src/config.ts';
import { DEFAULT_ANALYTICS_SETTINGS } from '../../src/compute/settings.ts';

describe('loadConfig', () => {
  it('gives the defaults for an empty environment, the analytics ones equal to the services\' defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4000, HOST: '127.0.0.1', REWEAVE_NEO4J_PORT: 7687, REWEAVE_DEMO: 'small', REWEAVE_DB_RETRY_SECONDS: 3 });
    expect(config.REWEAVE_DATA_DIR).toBeUndefined();
    expect(analyticsSettings(config)).toEqual({ cacheSeconds: 600, networks: 8, results: 16, inlineBelow: 1_000_000 });
    expect(analyticsSettings(config)).toEqual(DEFAULT_ANALYTICS_SETTINGS);
  });

  it('reads every analytics variable, and takes a blank one as unset', () => {
    const config = loadConfig({
      REWEAVE_ANALYTICS_CACHE_SECONDS: '30', REWEAVE_ANALYTICS_NETWORKS: '2', REWEAVE_ANALYTICS_RESULTS: ' ',
      REWEAVE_ANALYTICS_INLINE_BELOW: '2.5e6', REWEAVE_NEO4J_PORT: '7688', REWEAVE_DATA_DIR: '/tmp/rw',
    });
    expect(analyticsSettings(config)).toEqual({ cacheSeconds: 30, networks: 2, results: 16, inlineBelow: 2_500_000 });
    expect(config).toMatchObject({ REWEAVE_NEO4J_PORT: 7688, REWEAVE_DATA_DIR: '/tmp/rw' });
  });

  it.each([
    ['REWEAVE_ANALYTICS_RESULTS', 'abc'],
    ['REWEAVE_ANALYTICS_NETWORKS', '0'],
    ['REWEAVE_ANALYTICS_CACHE_SECONDS', '1.5'],
    ['REWEAVE_ANALYTICS_INLINE_BELOW', '-1'],
    ['REWEAVE_NEO4J_PORT', '70000'],
    ['PORT', 'http'],
    ['REWEAVE_DEMO_END', '2025-13-01'],
    ['REWEAVE_DEMO_END', '31.12.2025'],
    ['REWEAVE_DEMO_END', '2050-01-01'],
  ])('refuses %s=%s naming the variable and the value, in English and Chinese', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`配置错误:\\n  ${name} \\("${value.replace('.', '\\.')}"\\): .+ / `));
  });

  it('ends the demo\'s calendar on the UTC date of the start unless REWEAVE_DEMO_END pins it (a blank one is unset)', () => {
    const now = new Date('2026-12-02T23:30:00+08:00'); // still 2026-12-02 in UTC
    expect(demoEnd(loadConfig({}), now)).toBe('2026-12-02');
    expect(demoEnd(loadConfig({ REWEAVE_DEMO_END: ' ' }), now)).toBe('2026-12-02');
    expect(demoEnd(loadConfig({ REWEAVE_DEMO_END: '2025-12-31' }), now)).toBe('2025-12-31');
    expect(() => loadConfig({ REWEAVE_DEMO_END: '2025-02-30' })).toThrow(/REWEAVE_DEMO_END \("2025-02-30"\): must be a calendar day YYYY-MM-DD, e\.g\. 2025-12-31 \/ 须为 YYYY-MM-DD 格式的日期/);
    expect(() => loadConfig({ REWEAVE_DEMO_END: '2041-06-01' })).toThrow(/REWEAVE_DEMO_END \("2041-06-01"\): must be between 2017-12-31 and 2040-12-31, the years the demo's festival table covers \/ 须在 2017-12-31 至 2040-12-31 之间/);
  });

  it('does not repeat a password or a URI in its message', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://user:secret@example.org' })).toThrow(/^(?![\s\S]*secret)[\s\S]*NEO4J_URI: NEO4J_URI must be bolt:\/\//);
  });
});

describe('npm start with a bad variable', () => {
  it('stops before it starts anything, exiting non-zero and naming the variable', async () => {
    const dataRoot = await mkdtemp(path.join(os.tmpdir(), 'reweave-bad-config-'));
    try {
      // An unreachable NEO4J_URI: were the value accepted, the start would fail fast on the database
      // (without the variable's name) instead of starting a local Neo4j.
      const env: NodeJS.ProcessEnv = { ...process.env, REWEAVE_ANALYTICS_RESULTS: 'abc', REWEAVE_DATA_DIR: dataRoot, NEO4J_URI: 'bolt://127.0.0.1:1', PORT: '0' };
      const root = path.resolve(import.meta.dirname, '..', '..');
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--no-demo'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      clearTimeout(timer);
      expect(code).toBe(1);
      expect(stderr).toContain('could not start: Invalid configuration / 配置错误');
      expect(stderr).toContain('REWEAVE_ANALYTICS_RESULTS ("abc"):');
      expect(await readdir(dataRoot)).toEqual([]);
    } finally {
      await rm(dataRoot, { recursive: true, force: true });
    }
  }, 40_000);
});

describe('childEnvironment', () => {
  it("passes this process's environment through and lays the given variables over it", () => {
    const before = process.env['NEO4J_HOME'];
    const env = childEnvironment({ NEO4J_HOME: '/tmp/x', PATH: '/only/this' });
    expect(env['NEO4J_HOME']).toBe('/tmp/x');
    expect(env['PATH']).toBe('/only/this');
    expect(env['HOME']).toBe(process.env['HOME']);
    expect(process.env['NEO4J_HOME']).toBe(before);
  });
});
