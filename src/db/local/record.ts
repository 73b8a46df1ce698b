import { promises as fs } from 'node:fs';
import path from 'node:path';

import { RECORD_FILE_NAME } from './paths.ts';

/** Contents of `<dataDir>/reweave-neo4j.json`. */
export interface InstanceRecord {
  pid: number;
  port: number;
  uri: string;
  startedAt: string;
  /** The process a non-detached instance belongs to (and exits with); absent for `db:start`. */
  ownerPid?: number;
}

const recordPath = (dataDir: string): string => path.join(dataDir, RECORD_FILE_NAME);

export async function readRecord(dataDir: string): Promise<InstanceRecord | undefined> {
  let raw: string;
  try {
    raw = await fs.readFile(recordPath(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const v = JSON.parse(raw) as Partial<InstanceRecord>;
    if (
      typeof v.pid === 'number' &&
      typeof v.port === 'number' &&
      typeof v.uri === 'string' &&
      typeof v.startedAt === 'string'
    ) {
      return { pid: v.pid, port: v.port, uri: v.uri, startedAt: v.startedAt, ...(typeof v.ownerPid === 'number' ? { ownerPid: v.ownerPid } : {}) };
    }
  } catch {
    // A torn or hand-edited file is treated as "nothing recorded".
  }
  return undefined;
}

export async function writeRecord(dataDir: string, rec: InstanceRecord): Promise<void> {
  // Write-then-rename so a concurrent reader never sees half a file.
  const tmp = `${recordPath(dataDir)}.${process.pid}.tmp`;
  await fs.writeFile(tmp, `${JSON.stringify(rec, null, 2)}\n`);
  await fs.rename(tmp, recordPath(dataDir));
}

/** Removes the record only if it still describes `pid`, so a newer instance's record survives. */
export async function removeRecord(dataDir: string, pid: number): Promise<void> {
  const rec = await readRecord(dataDir);
  if (rec && rec.pid !== pid) return;
  await fs.rm(recordPath(dataDir), { force: true });
}
