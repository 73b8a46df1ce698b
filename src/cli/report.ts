/**
 * `npm run report -- --community ID --t0 D --t1 D --out report.html [--lang zh|en] [--pseudonymise]`
 * — the evaluator's report: the community's publicness at t0 and t1 with intervals and the weight
 * sensitivity, the reweaving of its tie network and its partners ranked, as one self-contained HTML
 * file (src/report) with the same numbers as the GraphQL queries. Chinese by default.
 * Arguments are checked before the database is touched (exit 1 with the reason).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ID_PATTERN, ID_RULE } from '../domain/ids.ts';
import { ALL_COMMUNITIES } from '../domain/permissions.ts';
import { parseDate } from '../interchange/cells.ts';
import { renderReport } from '../report/html.ts';
import { gatherReport } from '../services/publicness/report.ts';
import { parseOrReport, UsageError } from './usage.ts';
import { runCommand, withDatabase } from './database-command.ts';

const HELP = `The evaluator's report: publicness and reweaving between two dates / 公共性与关系重织评估报告

Usage / 用法:
  npm run report -- --community <id> --t0 <date> --t1 <date> --out <file.html> [--lang zh|en] [--pseudonymise]

  --community      the community / 社区编号
  --t0, --t1       the dates compared, t1 after t0; each is read over the 365 days before it / 比较的两个时点
  --out            the HTML file to write (one self-contained file: inline SVG charts, no network) / 输出文件
  --lang           zh (default, 中文) or en
  --pseudonymise   partners under pseudonyms, as a RESEARCHER token sees them / 化名版本（研究者）
  -h, --help       this text

The database is NEO4J_URI when set, otherwise the local Neo4j. / 数据库：设置 NEO4J_URI 时用它，否则用本地 Neo4j。`;

const date = (name: string) => z.string({ error: `--${name} is required / 缺少 --${name}` }).trim().transform((s, ctx) => {
  const d = parseDate(s);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: `--${name}: "${s}" is not an ISO-8601 date such as 2025-12-31 / 日期格式错误` });
    return z.NEVER;
  }
  return d;
});

const argsSchema = z
  .object({
    community: z.string({ error: '--community is required / 缺少 --community' }).trim().min(1).regex(ID_PATTERN, `--community: ${ID_RULE}`),
    t0: date('t0'),
    t1: date('t1'),
    out: z.string({ error: '--out is required / 缺少 --out' }).trim().min(1),
    lang: z.enum(['zh', 'en'], { error: '--lang must be zh or en / --lang 须为 zh 或 en' }).default('zh'),
    pseudonymise: z.boolean().default(false),
  })
  .superRefine((v, c) => {
    if (v.t1.getTime() <= v.t0.getTime()) c.addIssue({ code: 'custom', message: '--t1 must be after --t0 / t1 须晚于 t0' });
  });

type Command = { help: true } | ({ help: false } & z.output<typeof argsSchema>);

function parseCommand(argv: string[]): Command {
  let values: Record<string, unknown>;
  try {
    const s = { type: 'string' } as const;
    values = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' }, community: s, t0: s, t1: s, out: s, lang: s, pseudonymise: { type: 'boolean' }, pseudonymize: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message} / 参数错误`);
  }
  if (values.help) return { help: true };
  if (values.pseudonymize) values.pseudonymise = true;
  delete values.pseudonymize;
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid arguments / 参数无效');
  return { help: false, ...parsed.data };
}

/** The server's key of researchers' pseudonyms (kept in the data folder), so the report's pseudonyms are the API's. */
async function pseudonymSecret(dataRoot: string, log: (line: string) => void): Promise<string> {
  try {
    return (await readFile(path.join(dataRoot, 'pseudonym-secret'), 'utf8')).trim();
  } catch {
    log('no pseudonym key in the data folder yet (npm start makes one): this report\'s pseudonyms are its own');
    return randomBytes(32).toString('hex');
  }
}

async function main(argv: string[]): Promise<number> {
  const command = parseOrReport(() => parseCommand(argv));
  if (!command) return 1;
  if (command.help) {
    console.log(HELP);
    return 0;
  }
  const started = performance.now();
  return withDatabase('report', async (connection, log) => {
    // The command line is the database's operator, an ADMIN of every community — or, pseudonymised, a RESEARCHER.
    const role = command.pseudonymise ? ('RESEARCHER' as const) : ('ADMIN' as const);
    const ctx = { db: connection.db, principal: { tokenId: 'cli', role, communities: [ALL_COMMUNITIES] }, now: () => new Date(), pseudonymSecret: await pseudonymSecret(connection.dataRoot, log) };
    log(`evaluating ${command.community}: t0 ${command.t0.toISOString().slice(0, 10)}, t1 ${command.t1.toISOString().slice(0, 10)}`);
    const data = await gatherReport(ctx, command.community, command.t0, command.t1);
    const html = renderReport(data, command.lang);
    const out = path.resolve(command.out);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, html, 'utf8');
    const index = data.publicness.index;
    console.log(`Report / 报告: ${out} (${Buffer.byteLength(html)} bytes)`);
    console.log(`  index / 指数: ${index.t0?.toFixed(3) ?? '–'} → ${index.t1?.toFixed(3) ?? '–'}`);
    console.log(`  seconds / 秒: ${((performance.now() - started) / 1000).toFixed(1)}`);
    return 0;
  });
}

runCommand('report', main);
