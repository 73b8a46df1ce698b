/**
 * Builds the dashboard (web/) into web/dist with Vite when the output is missing or older than any
 * source, so that `npm start` on a fresh clone serves it without a separate step and a restart after
 * an edit serves the edit. `npm run build:web` forces a build; `--if-stale` (what npm start passes)
 * builds only when needed. The browser test calls ensureWebBuilt() itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web');
export const WEB_DIST = path.join(WEB_DIR, 'dist');
/** The built page also carries the vocabulary labels and the schema's enum descriptions, so those files count as sources too. */
const EXTRA_SOURCES = [path.resolve(WEB_DIR, '..', 'src', 'domain', 'vocabulary.ts'), path.resolve(WEB_DIR, '..', 'docs', 'schema.graphql'), path.resolve(WEB_DIR, '..', 'package-lock.json')];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const abs = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(abs) : fs.statSync(abs).mtimeMs);
  }
  return newest;
}

export function webIsStale(): boolean {
  const index = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(index)) return true;
  const sources = Math.max(newestSource(WEB_DIR), ...EXTRA_SOURCES.filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).mtimeMs));
  return fs.statSync(index).mtimeMs < sources;
}

export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
}

export async function ensureWebBuilt(): Promise<boolean> {
  if (!webIsStale()) return false;
  await buildWeb();
  return true;
}

const isMain = process.argv[1] !== undefined && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const started = performance.now();
  if (process.argv.includes('--if-stale')) {
    if (await ensureWebBuilt()) console.log(`[reweave] dashboard built into web/dist in ${((performance.now() - started) / 1000).toFixed(1)} s / 仪表盘已构建`);
  } else {
    await buildWeb();
    console.log(`[reweave] dashboard built into web/dist in ${((performance.now() - started) / 1000).toFixed(1)} s / 仪表盘已构建`);
  }
}
