/**
 * What an interrupted run can leave in the data dir, and its removal at the next run: staging
 * folders of the offline import (`bulk-import-*`, tens of MB), and an importer JVM with the partial
 * store it was writing. A SIGKILL gives no process the chance to clean up after itself, so the owner
 * of each leftover is written beside it and a leftover whose owner is gone is removed.
 */
import { promises as fs, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { IMPORTER_MAIN_CLASS, LOCAL_DATABASE } from './paths.ts';
import { isPidAlive, runsMainClass, terminatePid } from './proc.ts';

const STAGING_PREFIX = 'bulk-import-';
const OWNER_FILE = 'owner.pid';
/** `{ pid, ownerPid }` of the importer JVM while it writes the store. */
const IMPORTER_RECORD = 'bulk-importer.json';
/** The importer's writes are worthless once its owner is gone: no clean shutdown is owed to it. */
const ORPHAN_IMPORTER_GRACE_MS = 2_000;

export interface StagingDir {
  dir: string;
  remove(): Promise<void>;
}

/**
 * A new staging folder in the data dir (same disk as the store), owned by this process and removed
 * when it exits, also through process.exit on a signal (which runs no finally blocks).
 */
export async function makeStagingDir(dataDir: string, log: (line: string) => void): Promise<StagingDir> {
  await removeStaleStagingDirs(dataDir, log);
  const dir = await fs.mkdtemp(path.join(dataDir, STAGING_PREFIX));
  const removeNow = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeNow);
  await fs.writeFile(path.join(dir, OWNER_FILE), `${process.pid}\n`);
  return {
    dir,
    async remove() {
      process.off('exit', removeNow);
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function removeStaleStagingDirs(dataDir: string, log: (line: string) => void): Promise<void> {
  const entries = await fs.readdir(dataDir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isDirectory() || !e.name.startsWith(STAGING_PREFIX)) continue;
    const dir = path.join(dataDir, e.name);
    // No owner file: a folder made before owners were written, or one whose owner died before writing it.
    const owner = ownerOf(path.join(dir, OWNER_FILE));
    if (owner === process.pid || (owner !== undefined && isPidAlive(owner))) continue;
    log(`removing ${dir}, left by an interrupted import / 删除中断导入留下的临时目录`);
    await fs.rm(dir, { recursive: true, force: true });
  }
}

interface ImporterRecord {
  pid: number;
  ownerPid: number;
}

const importerRecordPath = (dataDir: string) => path.join(dataDir, IMPORTER_RECORD);

/** Written before the importer JVM starts writing the store, removed once it has exited. */
export async function recordImporter(dataDir: string, pid: number): Promise<void> {
  const rec: ImporterRecord = { pid, ownerPid: process.pid };
  await fs.writeFile(importerRecordPath(dataDir), `${JSON.stringify(rec)}\n`);
}

export async function forgetImporter(dataDir: string): Promise<void> {
  await fs.rm(importerRecordPath(dataDir), { force: true });
}

/**
 * An importer recorded for this data dir whose owner is gone: stop it if it still runs, and remove
 * the store it was writing. The offline import only writes into an empty or absent database, so the
 * partial store holds nothing that was there before, and the next import can start from scratch.
 */
async function removeInterruptedImport(dataDir: string, log: (line: string) => void): Promise<void> {
  let rec: ImporterRecord;
  try {
    rec = JSON.parse(await fs.readFile(importerRecordPath(dataDir), 'utf8')) as ImporterRecord;
  } catch {
    return;
  }
  if (rec.ownerPid !== process.pid && isPidAlive(rec.ownerPid)) return;
  if (runsMainClass(rec.pid, IMPORTER_MAIN_CLASS)) {
    log(`stopping the bulk importer (pid ${rec.pid}) of an interrupted import / 停止中断导入的进程`);
    await terminatePid(rec.pid, ORPHAN_IMPORTER_GRACE_MS);
  }
  log(`removing the partial store of an interrupted import in ${dataDir} / 删除中断导入写了一半的数据库`);
  for (const dir of [path.join('data', 'databases', LOCAL_DATABASE), path.join('data', 'transactions', LOCAL_DATABASE)]) {
    await fs.rm(path.join(dataDir, dir), { recursive: true, force: true });
  }
  await forgetImporter(dataDir);
}

/** Everything an interrupted run left in the data dir; called before a run uses the data dir. */
export async function cleanLeftovers(dataDir: string, log: (line: string) => void): Promise<void> {
  await removeInterruptedImport(dataDir, log);
  await removeStaleStagingDirs(dataDir, log);
}
