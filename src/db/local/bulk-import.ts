/**
 * Neo4j's own offline bulk importer (the engine of `neo4j-admin database import full`) run on the
 * local data dir, straight from the jars in neo4j/target/lib: no Java code of ours. It writes the
 * store files directly, without transactions — far faster than Cypher for a first load (bench/import
 * on beizhan) — and so needs a database that is empty or absent and not open in any JVM.
 */
import { spawn } from 'node:child_process';
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { childEnvironment } from '../../config.ts';
import { ensureNeo4jJars } from './jars.ts';
import { forgetImporter, cleanLeftovers, recordImporter } from './leftovers.ts';
import { CLASSES_DIR, IMPORTER_MAIN_CLASS, LIB_DIR, LOCAL_DATABASE, WITH_PARENT_MAIN_CLASS } from './paths.ts';
import { checkPrerequisites, javaExecutable } from './prerequisites.ts';
import { tail } from './proc.ts';

/** Where the store of the database LocalNeo4j serves lives in the data dir. */
const storeDir = (dataDir: string) => path.join(dataDir, 'data', 'databases', LOCAL_DATABASE);

/** True when the local database has store files (it was started or loaded once), whatever it holds. */
export function localStoreExists(dataDir: string): boolean {
  try {
    return readdirSync(storeDir(dataDir)).length > 0;
  } catch {
    return false;
  }
}

export interface BulkImportInput {
  dataDir: string;
  /** One CSV per label (the header carries `id:ID(Label)` and typed property columns). */
  nodes: { label: string; file: string }[];
  /** One CSV per relationship type and endpoint labels (`:START_ID(Label)`, `:END_ID(Label)`). */
  relationships: { type: string; file: string }[];
  /** Files with a field that holds a line break: only these are parsed the slow, multi-line way. */
  multilineFiles: string[];
  arrayDelimiter: string;
  /** Replace an existing (empty) store. */
  overwrite: boolean;
  heapMb?: number;
  offHeapMb?: number;
  log: (line: string) => void;
}

export interface BulkImportResult {
  seconds: number;
  /** Peak resident memory of the importer JVM (VmHWM), when the platform reports it. */
  peakRssMb: number | null;
  /** CPU time (user + system) of the importer JVM, when the platform reports it. */
  cpuSeconds: number | null;
}

/** VmHWM of a live process in MB (Linux); null elsewhere or once it has exited. */
function peakRssOf(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** utime + stime of a live process in seconds (Linux, USER_HZ = 100); null elsewhere or once it has exited. */
function cpuOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const unicode = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export async function bulkImport(input: BulkImportInput): Promise<BulkImportResult> {
  await checkPrerequisites({ maven: false });
  await ensureNeo4jJars(input.log);
  const logs = path.join(input.dataDir, 'logs');
  await fs.mkdir(logs, { recursive: true });
  await cleanLeftovers(input.dataDir, input.log);
  const heapMb = input.heapMb ?? 512;
  const args = [
    `-Xmx${heapMb}m`,
    '-XX:+UseSerialGC',
    '-XX:ActiveProcessorCount=2',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:-UsePerfData',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    '-cp',
    `${CLASSES_DIR}${path.delimiter}${path.join(LIB_DIR, '*')}`,
    // Ends with this process however it ends (see WithParent.java): an orphaned importer would keep
    // writing into the data dir.
    WITH_PARENT_MAIN_CLASS,
    IMPORTER_MAIN_CLASS,
    'database',
    'import',
    'full',
    ...input.nodes.map((n) => `--nodes=${n.label}=${n.file}`),
    ...input.relationships.map((r) => `--relationships=${r.type}=${r.file}`),
    `--array-delimiter=${unicode(input.arrayDelimiter)}`,
    // The rows were validated first: one bad entry here is a bug, so it must stop the load.
    '--bad-tolerance=0',
    '--threads=2',
    `--max-off-heap-memory=${input.offHeapMb ?? 256}M`,
    `--report-file=${path.join(logs, 'bulk-import.report')}`,
    ...(input.multilineFiles.length > 0 ? ['--multiline-fields-format=v2', `--multiline-fields=${input.multilineFiles.join(',')}`] : []),
    ...(input.overwrite ? ['--overwrite-destination=true'] : []),
    LOCAL_DATABASE,
  ];
  const started = performance.now();
  // NEO4J_HOME = the data dir, as for LocalNeo4j (its DatabaseManagementServiceBuilder home), so the
  // importer writes exactly the store that the launcher opens next. The rest of the environment is the
  // child's inheritance (PATH, locale, JVM options), passed through untouched by childEnvironment.
  const child = spawn(javaExecutable(), args, {
    cwd: input.dataDir,
    env: childEnvironment({ NEO4J_HOME: input.dataDir, NEO4J_CONF: path.join(input.dataDir, 'conf') }),
    // stdin stays open until this process ends: its closing is what stops an orphaned importer.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // A signal ends this process through process.exit, which runs no finally: the importer goes with
  // it now rather than after its stdin watch notices, and the next run removes the partial store.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  if (child.pid !== undefined) await recordImporter(input.dataDir, child.pid);
  let output = '';
  let peak: number | null = null;
  let cpu: number | null = null;
  // Sampled while it runs: Node reports no resource usage of a child once it has been reaped.
  const sample = () => {
    if (child.pid === undefined) return;
    peak = peakRssOf(child.pid) ?? peak;
    cpu = cpuOf(child.pid) ?? cpu;
  };
  const poll = setInterval(sample, 200);
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-64_000);
    for (const line of text.split('\n')) if (line.trim()) input.log(line.trimEnd());
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const code = await new Promise<number | string>((resolve) => {
    child.once('error', (e) => resolve(e.message));
    child.once('exit', (c, s) => {
      sample();
      resolve(s ?? c ?? -1);
    });
  });
  clearInterval(poll);
  process.off('exit', killOnExit);
  await forgetImporter(input.dataDir);
  if (code !== 0) throw new Error(`the Neo4j bulk importer failed (${code}) / 批量导入失败:\n${tail(output, 30)}`);
  return { seconds: (performance.now() - started) / 1000, peakRssMb: peak, cpuSeconds: cpu };
}
