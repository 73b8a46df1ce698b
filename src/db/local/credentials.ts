/**
 * The local database's password: random, made once per data dir, kept in the data dir with mode 600.
 * Whoever may read the data dir may read the store files anyway, so the file adds no exposure; a
 * local user who may not read it cannot open a Bolt session.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import { LOCAL_USERNAME, PASSWORD_FILE_NAME } from './paths.ts';

export interface LocalCredentials {
  username: string;
  password: string;
}

export const passwordFile = (dataDir: string): string => path.join(dataDir, PASSWORD_FILE_NAME);

/** The data dir's password, created on first use; also tightens the modes of the dir and the file. */
export async function ensureLocalCredentials(dataDir: string): Promise<LocalCredentials> {
  // The store files hold the same data as the database: only the owner may enter the folder.
  await fs.chmod(dataDir, 0o700);
  const file = passwordFile(dataDir);
  try {
    // 'wx': when two processes start on a fresh data dir at once, one file wins and both read it.
    await fs.writeFile(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  // A copied or restored folder may have lost the mode.
  await fs.chmod(file, 0o600);
  return readLocalCredentials(dataDir);
}

export async function readLocalCredentials(dataDir: string): Promise<LocalCredentials> {
  const password = (await fs.readFile(passwordFile(dataDir), 'utf8')).trim();
  if (password.length < 8) throw new Error(`${passwordFile(dataDir)} holds no usable password; delete it and start again`);
  return { username: LOCAL_USERNAME, password };
}
