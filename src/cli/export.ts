/**
 * `npm run export -- --community ID --network FULL|TIES --format graphml|gexf|csv|json --out PATH`
 * — a community's network to files for Gephi, NetworkX or R / 导出社区网络.
 * Arguments are checked before the database is touched (exit 1 with the reason). Progress and the
 * summary go to stderr and stdout respectively.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ReweaveError } from '../domain/errors.ts';
import { ID_PATTERN, ID_RULE } from '../domain/ids.ts';
import { parseDate } from '../interchange/cells.ts';
import { parseOrReport, UsageError } from './usage.ts';
import { OPERATOR, runCommand, withDatabase } from './database-command.ts';
import { exportNetwork } from '../services/export/export-network.ts';
import { graphFileNames } from '../services/export/graph-files.ts';
import { checkOptions, EXPORT_FORMATS, type ExportOptions } from '../services/export/options.ts';
import { FolderSink } from '../services/export/sink.ts';

const HELP = `Export a community's network / 导出社区网络

Usage / 用法:
  npm run export -- --community <id> --network FULL|TIES --format graphml|gexf|csv|json --out <path>
                    [--from <date> --to <date> | --as-of <date>] (--pseudonymise [--salt <text>] | --real-names)

  --network FULL   every node and relationship (完整网络); TIES the residents' tie network (居民关系网络)
  --format         graphml | gexf (dynamic, for Gephi's timeline) | csv | json
                   FULL csv/json: the importable dataset, one file per label, relationship kind and
                   STATE_CHANGE (可再导入的数据集); TIES csv: nodes.csv + edges.csv; TIES json: graphology JSON
  --out            a folder; for a single-file export (graphml, gexf, TIES json) also a file name
                   ending in that extension / 输出目录（单文件格式也可直接给文件名）
  --from, --to     window [from, to): what existed or happened in it / 时间窗口
  --as-of          the network as it stood at that instant / 某一时点
  --pseudonymise   the researchers' policy: residents' ids and display names (and every reference to
                   a resident) as R-xxxxxxxxxx, individual partners' names as P-xxxxxxxxxx, free text
                   (descriptions, evidence, services) left out / 按研究者化名规则导出
  --salt           key of the pseudonyms: the same salt gives the same pseudonyms (default random per
                   export, so two exports do not link) / 化名密钥（默认每次随机）
  --real-names     write the residents' real display names: the operator's explicit choice, since
                   the files leave the service's access rules behind / 明确要求导出真实显示名
                   (one of --pseudonymise and --real-names is required / 二者必选其一)
  --acquaintance, --comembership, --coattendance, --exchange, --cowork <weight>
                   tie-source weights for TIES (0 switches a source off) / 关系来源权重
  -h, --help       this text

Dates are ISO-8601 (2025-03-01 or 2025-03-01T09:30:00+08:00). Identifying details are never
exported. The database is NEO4J_URI when set, otherwise the local Neo4j. / 身份信息从不导出。`;

const date = (name: string) => z.string().trim().transform((s, ctx) => {
  const d = parseDate(s);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: `--${name}: "${s}" is not an ISO-8601 date such as 2025-03-01 / 日期格式错误` });
    return z.NEVER;
  }
  return d;
});
const weight = (name: string) => z.coerce.number({ error: `--${name} must be a number / 须为数字` }).finite().min(0, `--${name} must be ≥ 0 / 须为非负数`).optional();

const argsSchema = z.object({
  community: z.string({ error: '--community is required / 缺少 --community' }).trim().min(1).regex(ID_PATTERN, `--community: ${ID_RULE}`),
  network: z.string({ error: '--network is required (FULL or TIES) / 缺少 --network' }).trim().toUpperCase().pipe(z.enum(['FULL', 'TIES'], { error: '--network must be FULL or TIES / 网络类型须为 FULL 或 TIES' })),
  format: z.string({ error: '--format is required / 缺少 --format' }).trim().toLowerCase().pipe(z.enum(EXPORT_FORMATS, { error: `--format must be one of ${EXPORT_FORMATS.join(', ')} / 格式无效` })),
  out: z.string({ error: '--out is required / 缺少 --out' }).trim().min(1),
  from: date('from').optional(),
  to: date('to').optional(),
  'as-of': date('as-of').optional(),
  pseudonymise: z.boolean().optional(),
  'real-names': z.boolean().optional(),
  salt: z.string().min(1, '--salt must not be empty / 不能为空').max(200).optional(),
  acquaintance: weight('acquaintance'),
  comembership: weight('comembership'),
  coattendance: weight('coattendance'),
  exchange: weight('exchange'),
  cowork: weight('cowork'),
});

function parseCommand(argv: string[]): { help: true } | { help: false; options: ExportOptions; out: string } {
  let values: Record<string, unknown>;
  try {
    const s = { type: 'string' } as const;
    const parsed = parseArgs({
      args: argv,
      options: {
        help: { type: 'boolean', short: 'h' }, community: s, network: s, format: s, out: s, from: s, to: s, 'as-of': s,
        pseudonymise: { type: 'boolean' }, pseudonymize: { type: 'boolean' }, 'real-names': { type: 'boolean' }, salt: s,
        acquaintance: s, comembership: s, coattendance: s, exchange: s, cowork: s,
      },
      strict: true,
      allowPositionals: false,
    });
    values = parsed.values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message} / 参数错误`);
  }
  if (values.help) return { help: true };
  if (values.pseudonymize) values.pseudonymise = true;
  delete values.pseudonymize;
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid arguments / 参数无效');
  const a = parsed.data;
  // Files leave the API's roles behind: real names only when the operator asks for them by name.
  if (!a.pseudonymise && !a['real-names']) {
    throw new UsageError('refusing to write real display names: add --pseudonymise (pseudonyms) or --real-names (real names, on purpose) / 拒绝导出真实显示名：请加 --pseudonymise（化名）或 --real-names（明确要求真实姓名）');
  }
  if (a.pseudonymise && a['real-names']) throw new UsageError('--pseudonymise and --real-names exclude each other / 二者只能选一');
  if (a.salt !== undefined && !a.pseudonymise) throw new UsageError('--salt needs --pseudonymise / --salt 须与 --pseudonymise 同用');
  const sources = Object.fromEntries((['acquaintance', 'comembership', 'coattendance', 'exchange', 'cowork'] as const).flatMap((k) => (a[k] === undefined ? [] : [[k, a[k]]])));
  const options: ExportOptions = {
    communityId: a.community,
    network: a.network,
    format: a.format,
    window: a.from || a.to ? { from: a.from ?? null, to: a.to ?? null } : null,
    asOf: a['as-of'] ?? null,
    pseudonymise: a.pseudonymise ?? false,
    salt: a.salt ?? null,
    sources,
  };
  try {
    checkOptions(options);
  } catch (error) {
    if (error instanceof ReweaveError) throw new UsageError(error.message.replace(/^(asOf|to|from)\b/, (m) => `--${m === 'asOf' ? 'as-of' : m}`));
    throw error;
  }
  return { help: false, options, out: a.out };
}

/** A single-file export may name its file; anything else writes into a folder. */
function sinkFor(options: ExportOptions, out: string): FolderSink {
  const datasetOrPair = options.format === 'csv' || (options.network === 'FULL' && options.format === 'json');
  if (!datasetOrPair && path.extname(out).toLowerCase() === `.${options.format}`) {
    const [only] = graphFileNames(options.network, options.format);
    return new FolderSink(path.dirname(path.resolve(out)), (name) => (name === only ? path.basename(out) : name));
  }
  return new FolderSink(path.resolve(out));
}

async function main(argv: string[]): Promise<number> {
  const command = parseOrReport(() => parseCommand(argv));
  if (!command) return 1;
  if (command.help) {
    console.log(HELP);
    return 0;
  }
  return withDatabase('export', async (connection, log) => {
    const sink = sinkFor(command.options, command.out);
    const ctx = { db: connection.db, principal: OPERATOR, now: () => new Date(), pseudonymSecret: randomBytes(32).toString('hex') };
    log(`exporting ${command.options.network} of ${command.options.communityId} as ${command.options.format} to ${sink.dir}`);
    const summary = await exportNetwork(ctx, { ...command.options, onProgress: log }, sink);
    console.log(`Exported / 已导出 ${summary.network} network of ${summary.communityId} (${summary.format}${summary.pseudonymised ? ', pseudonymised / 已化名' : ''})`);
    console.log(`  nodes / 节点: ${summary.nodeCount}`);
    console.log(`  edges / 边:   ${summary.edgeCount}`);
    if (summary.stateChangeCount > 0) console.log(`  state changes / 状态变更: ${summary.stateChangeCount}`);
    console.log(`  seconds / 秒: ${summary.seconds}`);
    console.log('  files / 文件:');
    for (const f of summary.files) console.log(`    ${sink.path(f.name)}  ${f.bytes} bytes${f.rows === null ? '' : `, ${f.rows} rows`}`);
    return 0;
  });
}

runCommand('export', main);
