import { mkdtemp, readFile, rm, stat, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { ensureLocalCredentials, passwordFile } from '../../../src/db/local/credentials.ts';

let dataDir = '';
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('the local database password', () => {
  it('is made once per data dir, random, and kept readable by the owner only', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'reweave-credentials-'));
    await chmod(dataDir, 0o755);
    const [a, b] = await Promise.all([ensureLocalCredentials(dataDir), ensureLocalCredentials(dataDir)]);
    expect(a).toEqual(b);
    expect(a.username).toBe('neo4j');
    expect(a.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await readFile(passwordFile(dataDir), 'utf8')).trim()).toBe(a.password);
    expect((await stat(passwordFile(dataDir))).mode & 0o777).toBe(0o600);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);

    // A copied folder that lost the mode gets it back; the password stays.
    await chmod(passwordFile(dataDir), 0o644);
    expect(await ensureLocalCredentials(dataDir)).toEqual(a);
    expect((await stat(passwordFile(dataDir))).mode & 0o777).toBe(0o600);

    const other = await mkdtemp(path.join(os.tmpdir(), 'reweave-credentials-'));
    try {
      expect((await ensureLocalCredentials(other)).password).not.toBe(a.password);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
