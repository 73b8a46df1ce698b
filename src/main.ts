/**
 * `npm start`: the database (local unless NEO4J_URI is set), schema migrations, the first-start
 * admin token, then the GraphQL service. Ctrl-C stops the service and a local database it started.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyticsSettings, demoEnd, loadConfig, securitySettings } from './config.ts';
import { connect } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { ensureAdminToken } from './services/auth/tokens.ts';
import { ALL_COMMUNITIES } from './domain/permissions.ts';
import { loadDemoIfEmpty } from './services/demo/load-demo.ts';
import { startApp } from './server/app.ts';
import { warmTieTimelines } from './services/analytics/warm-timelines.ts';
import { stopOn } from './cli/stop-signals.ts';

const log = (line: string) => console.log(`[reweave] ${line}`);

/** Migrations need the database; when it is not up yet, keep trying so the server can start anyway. */
async function migrateWhenReachable(run: () => Promise<number>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      log(`schema version ${await run()}`);
      return;
    } catch (error) {
      log(`schema migration failed (attempt ${attempt}): ${(error as Error).message.split('\n')[0]}; retrying in 5 s`);
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
}

/** The key of researchers' pseudonyms: made once, kept beside the admin token (git-ignored). */
async function pseudonymSecret(dataRoot: string): Promise<string> {
  const file = path.join(dataRoot, 'pseudonym-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(32).toString('hex');
    await mkdir(dataRoot, { recursive: true });
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  let connection: Awaited<ReturnType<typeof connect>> | undefined;
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  // A signal stops the service and the local Neo4j this process started, at any point of the start.
  // Until connect() returns there is nothing to close: a JVM being started ends with this process.
  stopOn(async (reason) => {
    log(`${reason}: stopping`);
    await app?.close();
    await connection?.close();
  });
  connection = await connect(config, log);
  const { db } = connection;
  await migrateWhenReachable(() => migrate(db, log));

  const token = await ensureAdminToken(db);
  if (token) {
    const file = path.join(connection.dataRoot, 'admin-token');
    await mkdir(connection.dataRoot, { recursive: true });
    await writeFile(file, `${token}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
    log('First start: an ADMIN token for every community was created. It is shown once here and kept in');
    log(`${file} / 首次启动已创建管理员令牌：`);
    log(`  ${token}`);
  }

  const secret = await pseudonymSecret(connection.dataRoot);
  app = await startApp(db, { port: config.PORT, host: config.HOST, pseudonymSecret: secret, analytics: analyticsSettings(config), security: securitySettings(config) });
  log(`GraphQL at ${app.url}/graphql, health at ${app.url}/health`);

  // Once the data is in, the dashboard's map history of every community is read into the cache, so
  // the first sign-in does not pay for a database just started (services/analytics/warm-timelines.ts).
  const warm = () => {
    if (config.REWEAVE_WARM_TIMELINES === false) return;
    const system = { db, principal: { tokenId: 'start-up', role: 'ADMIN' as const, communities: [ALL_COMMUNITIES] }, now: () => new Date(), pseudonymSecret: secret, analytics: analyticsSettings(config) };
    warmTieTimelines(system, log).catch((error: unknown) => log(`map histories not warmed: ${(error as Error).message.split('\n')[0]}`));
  };

  // The demo loads while the service already answers, so the first start is not held up by it.
  const preset = process.argv.includes('--no-demo') ? 'off' : config.REWEAVE_DEMO;
  if (preset === 'off') warm();
  else {
    let lastLog = 0;
    loadDemoIfEmpty(db, preset, {
      end: demoEnd(config),
      onProgress: (e) => {
        if (e.phase === 'write' && performance.now() - lastLog > 3000) {
          lastLog = performance.now();
          log(`demo: writing ${path.basename(e.file)} ${e.done}/${e.total ?? '?'}`);
        }
      },
    })
      .then((demo) => {
        if (demo) log(`Loaded the synthetic demo community "${preset}", three years up to ${demo.end} (${demo.summary.totals.created} nodes and relationships, ${demo.summary.seconds.toFixed(1)} s). It is generated, not real data. / 已载入合成演示社区（截至 ${demo.end} 的三年）`);
      })
      .catch((error: unknown) => log(`demo: not loaded: ${(error as Error).message}`))
      .finally(warm);
  }

}

main().catch((error: unknown) => {
  console.error(`[reweave] could not start: ${(error as Error).message}`);
  process.exit(1);
});
