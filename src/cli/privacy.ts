/**
 * `npm run privacy -- --community ID [--k 5] [--coarsen auto | attribute=level,…] [--json]` — how many
 * residents the quasi-identifiers researchers read single out (k-anonymity, Sweeney 2002), and how far
 * they must be coarsened for every resident to share them with k − 1 others (Samarati 2001).
 * Arguments are checked before the database is touched (exit 1 with the reason).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ID_PATTERN, ID_RULE } from '../domain/ids.ts';
import {
  FINEST, HIERARCHIES, kAnonymityReport, QUASI_IDENTIFIERS, type Coarsen, type KAnonymityFigures, type KAnonymityReport, type Levels, type QuasiIdentifier,
} from '../services/privacy/k-anonymity-report.ts';
import { parseOrReport, UsageError } from './usage.ts';
import { OPERATOR, runCommand, withDatabase } from './database-command.ts';

const NAMES: Record<QuasiIdentifier, string> = {
  building: 'building 楼栋', partyMember: 'Party member 党员', householdRegistered: 'household registration 户籍',
  buildingHead: 'building head 楼栋长', stage: 'cultivation stage 培育阶段', skills: 'skills 技能',
};
const levelList = QUASI_IDENTIFIERS.map((a) => `${a}=${HIERARCHIES[a].join('|')}`).join('\n                 ');

const HELP = `k-anonymity of the quasi-identifiers researchers read / 研究者可见准标识符的 k-匿名性

Usage / 用法:
  npm run privacy -- --community <id> [--k 5] [--coarsen auto | <attribute>=<level>,…] [--json]

  --community    the community / 社区编号
  --k            the k to reach (default 5): residents in classes smaller than k are counted / 目标 k 值
  --coarsen      auto: coarsen one attribute a step, greedily, until every class has k residents
                 (逐步泛化直至 k 匿名); or fixed levels, finest first (固定泛化层级):
                 ${levelList}
  --json         print the report as JSON
  -h, --help     this text

Quasi-identifiers / 准标识符: ${QUASI_IDENTIFIERS.map((a) => NAMES[a]).join(', ')}.
The database is NEO4J_URI when set, otherwise the local Neo4j. / 数据库：设置 NEO4J_URI 时用它，否则用本地 Neo4j。`;

const coarsenSchema = z.string().trim().min(1, '--coarsen must not be empty / --coarsen 不能为空').transform((s, ctx): Coarsen => {
  if (s.toLowerCase() === 'auto') return { kind: 'auto' };
  const levels: Record<QuasiIdentifier, number> = { ...FINEST };
  for (const part of s.split(',')) {
    const [name, level, extra] = part.split('=').map((x) => x.trim());
    const attribute = QUASI_IDENTIFIERS.find((a) => a === name);
    const index = attribute && level !== undefined && extra === undefined ? HIERARCHIES[attribute].indexOf(level) : -1;
    if (!attribute || index < 0) {
      ctx.addIssue({ code: 'custom', message: `--coarsen: "${part}" is not auto or one of ${levelList.replace(/\s+/g, ' ')} / --coarsen 须为 auto 或 属性=层级` });
      return z.NEVER;
    }
    levels[attribute] = index;
  }
  return { kind: 'fixed', levels };
});

const argsSchema = z.object({
  community: z.string({ error: '--community is required / 缺少 --community' }).trim().min(1).regex(ID_PATTERN, `--community: ${ID_RULE}`),
  k: z.coerce.number({ error: '--k must be a number / --k 须为数字' }).int('--k must be a whole number / --k 须为整数').min(2, '--k must be at least 2 / --k 至少为 2').max(1000, '--k must be at most 1000 / --k 至多为 1000').default(5),
  coarsen: coarsenSchema.optional(),
  json: z.boolean().default(false),
});

type Command = { help: true } | ({ help: false } & z.output<typeof argsSchema>);

function parseCommand(argv: string[]): Command {
  let values: Record<string, unknown>;
  try {
    const s = { type: 'string' } as const;
    values = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, community: s, k: s, coarsen: s, json: { type: 'boolean' } }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message} / 参数错误`);
  }
  if (values.help) return { help: true };
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid arguments / 参数无效');
  return { help: false, ...parsed.data };
}

const percent = (share: number) => `${(100 * share).toFixed(1)}%`;
const levelsText = (levels: Levels) => {
  const coarse = QUASI_IDENTIFIERS.filter((a) => levels[a] > 0).map((a) => `${a}=${HIERARCHIES[a][levels[a]]}`);
  return coarse.length === 0 ? 'as stored / 原值' : coarse.join(', ');
};

function printFigures(f: KAnonymityFigures): void {
  console.log(`  residents / 居民: ${f.residents}`);
  console.log(`  equivalence classes / 等价类: ${f.classes}`);
  console.log(`  smallest class / 最小等价类: ${f.smallest} (the data is ${f.smallest}-anonymous / 数据为 ${f.smallest}-匿名)`);
  console.log(`  unique residents / 唯一可识别的居民: ${f.unique} (${percent(f.unique / f.residents)})`);
  console.log(`  in classes smaller than k = ${f.k} / 所在等价类小于 ${f.k} 人: ${f.belowK} (${percent(f.belowKShare)})`);
}

function printReport(r: KAnonymityReport, coarsen: Coarsen | undefined): void {
  console.log(`k-anonymity of ${r.communityId} / 社区 ${r.communityId} 的 k-匿名性 (k = ${r.k})`);
  console.log(`Quasi-identifiers / 准标识符: ${QUASI_IDENTIFIERS.map((a) => NAMES[a]).join(', ')}`);
  printFigures(r.finest);
  if (!coarsen) return;
  console.log(coarsen.kind === 'auto' ? `Coarsening greedily until k ≥ ${r.k} / 逐步泛化直至 k ≥ ${r.k}:` : 'At the fixed levels / 固定泛化层级:');
  console.log('  step  classes  smallest  unique  below k (share)  levels');
  console.log('  步骤  等价类   最小类    唯一    小于 k（占比）   泛化层级');
  const steps = coarsen.kind === 'auto' ? r.steps : r.steps.slice(1);
  steps.forEach((s, i) => {
    const f = s.figures;
    const step = coarsen.kind === 'auto' ? String(i) : '–';
    const raised = s.raised ? `  (+${s.raised})` : '';
    console.log(`  ${step.padEnd(4)}  ${String(f.classes).padStart(7)}  ${String(f.smallest).padStart(8)}  ${String(f.unique).padStart(6)}  ${`${f.belowK} (${percent(f.belowKShare)})`.padEnd(15)}  ${levelsText(s.levels)}${raised}`);
  });
  console.log(r.reached
    ? `k = ${r.k} reached / 已达到 k = ${r.k}`
    : `k = ${r.k} not reached at these levels / 在这些层级下未达到 k = ${r.k}`);
}

async function main(argv: string[]): Promise<number> {
  const command = parseOrReport(() => parseCommand(argv));
  if (!command) return 1;
  if (command.help) {
    console.log(HELP);
    return 0;
  }
  return withDatabase('privacy', async (connection) => {
    const ctx = { db: connection.db, principal: OPERATOR };
    const report = await kAnonymityReport(ctx, command.community, command.k, command.coarsen ?? { kind: 'none' });
    if (command.json) console.log(JSON.stringify(report, null, 2));
    else printReport(report, command.coarsen);
    return 0;
  });
}

runCommand('privacy', main);
