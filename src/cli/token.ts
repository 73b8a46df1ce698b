/**
 * `npm run token -- create|list|revoke` — API tokens from the command line / 命令行管理访问令牌.
 * Arguments are checked before the database is touched, so a typo fails fast with exit code 1.
 * Output goes to stdout; database start-up and migration progress go to stderr.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { isId, ID_RULE } from '../domain/ids.ts';
import { parseOrReport, UsageError } from './usage.ts';
import { ALL_COMMUNITIES } from '../domain/permissions.ts';
import { termsOf, type Role } from '../domain/vocabulary.ts';
import { createToken, listTokens, revokeToken } from '../services/auth/tokens.ts';
import { exitOnStopRequest } from './stop-signals.ts';

const ROLES = termsOf('Role');

const HELP = `Manage reweave API tokens / 管理 reweave 访问令牌

Usage / 用法:
  npm run token -- create --role <ROLE> --communities <c1,c2|*> [--name "<text>"]
  npm run token -- list
  npm run token -- revoke <id>

create   prints a new token ONCE (only its SHA-256 is stored), with its id, role and communities
         新建令牌；令牌只显示这一次（库中只存其哈希）
list     id, name, role, communities, created, revoked (never the token or its hash)
         列出令牌（不显示令牌或其哈希）
revoke   revokes the token with this id; requests with it get UNAUTHENTICATED from then on
         按 id 撤销令牌

Options / 选项:
  --role          ${ROLES.join(' | ')}
  --communities   comma-separated community ids, or '*' for every community / 社区 id，逗号分隔；'*' 表示全部
  --name          a note saying who or what the token is for / 备注
  -h, --help      this text / 显示帮助

The database is the one reweave uses: NEO4J_URI when set, otherwise the local Neo4j (started for
the command and stopped afterwards if it was not running). / 数据库与 reweave 服务相同。`;

/** Bad input: the message is shown as is, followed by a pointer to --help; exit code 1. */
const roleSchema = z
  .string({ error: 'role is required / 缺少 --role' })
  .trim()
  .toUpperCase()
  .pipe(z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')} / 角色必须是以下之一：${ROLES.join('、')}` }));

const communitiesSchema = z
  .string({ error: "--communities is required (ids separated by commas, or '*') / 缺少 --communities（逗号分隔的社区 id，或 '*'）" })
  .transform((raw) => [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))])
  .pipe(
    z
      // The same shape as a community id in the API (src/domain/ids.ts), so a typo such as
      // "c1 c2" fails here rather than yielding a token that can never see anything.
      .array(
        z
          .string()
          .max(200, 'a community id is at most 200 characters / 社区 id 最长 200 个字符')
          .refine((c) => c === '*' || isId(c), `a community id: ${ID_RULE}`),
      )
      .min(1, "--communities needs at least one id, or '*' / --communities 至少需要一个社区 id，或 '*'")
      .refine((ids) => !ids.includes(ALL_COMMUNITIES) || ids.length === 1, "'*' already means every community: give it alone / '*' 已表示全部社区，请单独使用"),
  );

const createSchema = z.object({
  role: roleSchema,
  communities: communitiesSchema,
  name: z.string().trim().min(1, '--name must not be empty / --name 不能为空').max(200, '--name is at most 200 characters / --name 最长 200 个字符').optional(),
});

const idSchema = z.string().trim().min(1, 'the token id must not be empty / 令牌 id 不能为空');

type Command =
  | { kind: 'help' }
  | { kind: 'create'; role: Role; communities: string[]; name?: string | undefined }
  | { kind: 'list' }
  | { kind: 'revoke'; id: string };

function parseWith(args: string[], options: NonNullable<Parameters<typeof parseArgs>[0]>['options']) {
  try {
    return parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option} / 未知选项 ${option}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${option} needs a value / ${option} 需要一个值`);
    throw new UsageError(`${message} / 参数错误`);
  }
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'invalid arguments / 参数无效';
}

function parseCommand(argv: string[]): Command {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') return { kind: 'help' };
  switch (sub) {
    case 'create': {
      const { values, positionals } = parseWith(rest, { role: { type: 'string' }, communities: { type: 'string' }, name: { type: 'string' } });
      if (values.help) return { kind: 'help' };
      if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" / 多余的参数 "${positionals[0]}"`);
      const parsed = createSchema.safeParse(values);
      if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
      return { kind: 'create', ...parsed.data };
    }
    case 'list': {
      const { values, positionals } = parseWith(rest, {});
      if (values.help) return { kind: 'help' };
      if (positionals.length > 0) throw new UsageError(`list takes no arguments / list 不接受参数`);
      return { kind: 'list' };
    }
    case 'revoke': {
      const { values, positionals } = parseWith(rest, {});
      if (values.help) return { kind: 'help' };
      if (positionals.length !== 1) throw new UsageError('revoke needs exactly one token id / revoke 需要且只需要一个令牌 id');
      const parsed = idSchema.safeParse(positionals[0]);
      if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
      return { kind: 'revoke', id: parsed.data };
    }
    default:
      throw new UsageError(`unknown command "${sub}": use create, list or revoke / 未知命令 "${sub}"：请用 create、list 或 revoke`);
  }
}

const when = (d: Date | null | undefined) => (d ? d.toISOString() : '-');
const scope = (communities: readonly string[]) => (communities.includes(ALL_COMMUNITIES) ? '* (all / 全部)' : communities.join(','));

/** Terminal columns: CJK and full-width characters take two, so Chinese token names line up. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const columns = (s: string) => [...s].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => columns(r[i]!))));
  return rows.map((r) => r.map((cell, i) => cell + ' '.repeat(widths[i]! - columns(cell))).join('  ').trimEnd()).join('\n');
}

async function run(command: Exclude<Command, { kind: 'help' }>): Promise<number> {
  const log = (line: string) => console.error(`[reweave] ${line}`);
  const connection = await connect(loadConfig(), log);
  try {
    await migrate(connection.db, log);
    switch (command.kind) {
      case 'create': {
        const { token, record } = await createToken(connection.db, { role: command.role, communities: command.communities, name: command.name ?? null });
        console.log('Token (shown once, keep it safe) / 令牌（只显示这一次，请妥善保存）:');
        console.log(`  ${token}`);
        console.log(`id:          ${record.id}`);
        console.log(`role:        ${record.role}`);
        console.log(`communities: ${scope(record.communities)}`);
        if (record.name) console.log(`name:        ${record.name}`);
        return 0;
      }
      case 'list': {
        const tokens = await listTokens(connection.db);
        if (tokens.length === 0) {
          console.log('No tokens / 暂无令牌');
          return 0;
        }
        const header = ['id', 'name', 'role', 'communities', 'created', 'revoked'];
        console.log(table([header, ...tokens.map((t) => [t.id, t.name ?? '-', t.role, scope(t.communities), when(t.createdAt), when(t.revokedAt)])]));
        return 0;
      }
      case 'revoke': {
        const known = (await listTokens(connection.db)).find((t) => t.id === command.id);
        if (!known) {
          console.error(`No token with id "${command.id}" (see: npm run token -- list) / 未找到 id 为 "${command.id}" 的令牌`);
          return 1;
        }
        if (known.revokedAt) {
          console.log(`Token ${command.id} was already revoked at ${when(known.revokedAt)} / 该令牌已于此时撤销`);
          return 0;
        }
        const revoked = await revokeToken(connection.db, command.id);
        console.log(`Revoked ${command.id} at ${when(revoked?.revokedAt)} / 已撤销`);
        return 0;
      }
    }
  } finally {
    await connection.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const command = parseOrReport<Command>(() => parseCommand(argv));
  if (!command) return 1;
  if (command.kind === 'help') {
    console.log(HELP);
    return 0;
  }
  return run(command);
}

exitOnStopRequest();
main(process.argv.slice(2)).then(
  // Explicit exit: no driver socket or child process handle should keep the CLI alive.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[reweave] token: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
