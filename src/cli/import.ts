/**
 * `npm run import -- <folder> [--mode auto|online|offline] [--skip-invalid] [--rejected FILE] [--encoding utf-8|gb18030] [--batch-size N] [--json]`
 * Imports a dataset folder (docs/import.md). Every row is checked first; by default a single bad row
 * means nothing is written. With --skip-invalid the good rows are written and the bad ones go, with
 * their reasons, to the rejected file. A first load into the empty, stopped local database goes
 * through Neo4j's bulk importer (offline, several times faster); everything else through Cypher.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig, type Config } from '../config.ts';
import { connect, type Connection } from '../db/connect.ts';
import { defaultDataDir } from '../db/local/neo4j-local.ts';
import { migrate } from '../db/migrate.ts';
import { ENCODINGS } from '../interchange/lines.ts';
import { OfflineUnsupported } from '../services/import/bulk-csv.ts';
import { importDataset } from '../services/import/import-dataset.ts';
import { importOffline } from '../services/import/import-offline.ts';
import { IMPORT_MODES, offlineTarget, type ImportMode } from '../services/import/offline-target.ts';
import { folderSource, noRowWarnings, type SourceFile } from '../services/import/source.ts';
import { defaultRejectedPath, RejectedRows } from '../services/import/rejected.ts';
import { count, rateText, type ImportSummary, type ProgressEvent, type RowError } from '../services/import/report.ts';
import { progress } from './progress.ts';
import { exitOnStopRequest } from './stop-signals.ts';

const HELP = `Usage: npm run import -- <folder> [options]
  Imports Resident.csv, Organization.csv, MEMBERSHIP.csv, … (see docs/import.md) from <folder>.
  导入数据目录中的文件（见 docs/import.md）。

  --mode MODE        auto (default): offline when the local database is empty and stopped, else
                     online; online: always through Cypher; offline: Neo4j's bulk importer, or
                     an error saying why not / 导入方式：auto（默认）、online、offline
  --skip-invalid     write the good rows; bad rows go to the rejected file / 跳过错误行
  --rejected FILE    where the rejected rows and their reasons are written (default
                     <folder>.rejected.csv, beside the folder) / 被拒绝的行写入的文件
  --encoding ENC     utf-8 (default) or gb18030 (also reads GBK and GB2312: CSV saved by Excel
                     on Chinese Windows) / 文件编码：utf-8（默认）或 gb18030（GBK）
  --batch-size N     rows per transaction (default 5000)
  --json             print the summary as JSON
  --help`;

const args = z.object({
  folder: z.string().min(1, 'give the dataset folder / 请指定数据目录'),
  mode: z.enum(IMPORT_MODES as [ImportMode, ...ImportMode[]]),
  skipInvalid: z.boolean(),
  rejected: z.string().optional(),
  encoding: z.enum(ENCODINGS, { error: `--encoding: one of ${ENCODINGS.join(', ')} / 编码只能是 ${ENCODINGS.join('、')}` }),
  batchSize: z.coerce.number().int().min(1).max(50_000),
  json: z.boolean(),
});

function fail(message: string): never {
  console.error(`import: ${message}\n\n${HELP}`);
  process.exit(1);
}

type Result = ImportSummary & { mode: 'online' | 'offline'; bulkPeakRssMb?: number | null; databaseStartSeconds?: number };

function printSummary(summary: ImportSummary): void {
  const rows = summary.files.map((f) => [path.basename(f.file), f.rows, f.created, f.updated, f.unchanged, f.rejected]);
  rows.push(['total', summary.totals.rows, summary.totals.created, summary.totals.updated, summary.totals.unchanged, summary.totals.rejected]);
  const head = ['file 文件', 'rows 行', 'created 新建', 'updated 更新', 'unchanged 未变', 'rejected 拒绝'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  '));
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { mode: { type: 'string', default: 'auto' }, 'skip-invalid': { type: 'boolean', default: false }, rejected: { type: 'string' }, encoding: { type: 'string', default: 'utf-8' }, 'batch-size': { type: 'string', default: '5000' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const parsed = args.safeParse({ folder: positionals[0] ?? '', mode: values.mode, skipInvalid: values['skip-invalid'], rejected: values.rejected, encoding: values.encoding.toLowerCase().replace(/^utf8$/, 'utf-8').replace(/^gbk$/, 'gb18030'), batchSize: values['batch-size'], json: values.json });
  if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const opts = parsed.data;
  if (!existsSync(opts.folder) || !statSync(opts.folder).isDirectory()) fail(`${opts.folder} is not a folder / 目录不存在`);
  const files = (() => {
    try {
      return folderSource(opts.folder, opts.encoding);
    } catch (error) {
      return fail((error as Error).message);
    }
  })();

  const log = (line: string) => console.error(line);
  const config = loadConfig();
  const bar = progress();
  const rejectedPath = opts.rejected ?? defaultRejectedPath(opts.folder);
  const rejected = new RejectedRows();
  const shared = {
    skipInvalid: opts.skipInvalid,
    onProgress: (e: ProgressEvent) => {
      if (e.phase === 'done') return;
      bar.update(`${e.phase === 'write' ? 'writing' : 'checking'} ${path.basename(e.file)}`, e.done, e.total);
    },
    onError: (e: RowError) => {
      if (opts.skipInvalid) rejected.add(e);
    },
  };
  const summary = await run(opts.mode, config, files, shared, opts.batchSize, log);
  const rejectedRows = summary.written && !rejected.empty ? await rejected.write(rejectedPath, files) : 0;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const warnings = noRowWarnings(summary.files);
  for (const w of warnings) console.error(`warning: ${w}`);
  if (opts.json) {
    console.log(JSON.stringify({ ...summary, errors: summary.errors.slice(0, 100), warnings, peakRssMb, rejectedFile: rejectedRows > 0 ? rejectedPath : null }, null, 2));
  } else {
    printSummary(summary);
    const jvm = summary.bulkPeakRssMb ? ` (bulk importer JVM ${summary.bulkPeakRssMb.toFixed(0)} MB)` : '';
    const start = summary.databaseStartSeconds ? ` · database start ${summary.databaseStartSeconds.toFixed(1)} s not included` : '';
    const rate = rateText(summary.relationshipsPerSecond, summary.seconds);
    console.log(`${summary.mode} · ${summary.seconds.toFixed(1)} s${rate ? ` · ${rate}` : ''} · peak RSS ${peakRssMb.toFixed(0)} MB${jvm}${start}`);
  }
  if (summary.errorCount > 0) {
    for (const e of summary.errors.slice(0, 20)) console.error(`${e.file}:${e.line}${e.column ? ` [${e.column}]` : ''} ${e.reason}`);
    if (summary.errorCount > 20) console.error(`… and ${summary.errorCount - 20} more`);
    if (!summary.written) {
      console.error(`Nothing was imported: ${count(summary.errorCount, 'problem')}. Fix them, or use --skip-invalid to import the good rows. / 有 ${summary.errorCount} 处错误，未导入任何数据。`);
      process.exitCode = 1;
    } else {
      console.error(`${count(rejectedRows, 'row')} rejected; the rows and their reasons are in ${rejectedPath} / ${rejectedRows} 行被拒绝，原始行及原因已写入该文件`);
    }
  }
}

type Shared = { skipInvalid: boolean; onProgress: (e: ProgressEvent) => void; onError: (e: RowError) => void };

/** Offline when the mode allows and the local database is empty and stopped; otherwise through Cypher. */
async function run(mode: ImportMode, config: Config, files: SourceFile[], shared: Shared, batchSize: number, log: (line: string) => void): Promise<Result> {
  if (mode !== 'online') {
    const target = await offlineTarget(config, defaultDataDir(config), log);
    if (!target.possible && mode === 'offline') fail(`--mode offline is not possible: ${target.reason} / 无法离线导入`);
    if (target.possible) {
      let connection: Connection | undefined;
      try {
        const summary = await importOffline(files, {
          ...shared,
          dataDir: target.dataDir,
          overwrite: target.overwrite,
          log,
          startDatabase: async () => {
            connection = await connect(config, log, { for: 'cli' });
            return connection.db;
          },
        });
        return { ...summary, mode: 'offline' };
      } catch (error) {
        // Checked before the store is touched, so the Cypher path can still do the whole import.
        if (!(error instanceof OfflineUnsupported) || mode === 'offline') throw error;
        log(`${error.message}; importing online instead / 改为在线导入`);
      } finally {
        await connection?.close();
      }
    } else {
      log(target.online);
    }
  }
  const connection = await connect(config, log, { for: 'cli' });
  try {
    await migrate(connection.db, log);
    return { ...(await importDataset(connection.db, files, { ...shared, batchSize })), mode: 'online' };
  } finally {
    await connection.close();
  }
}

// Interrupted, the import exits at once: what it wrote through Cypher is whole transactions, and an
// offline load's staging folder and importer go with the process (src/db/local/leftovers.ts).
exitOnStopRequest();
main().catch((error: unknown) => {
  console.error(`import failed: ${(error as Error).message}`);
  process.exit(1);
});
