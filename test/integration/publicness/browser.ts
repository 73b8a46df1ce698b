/**
 * The report in a real browser: Debian's chromium package driven by playwright-core (no browser
 * download: executablePath). Outside CI a machine without chromium skips the browser test with a
 * message; in CI (CI set) its absence fails the test, since .ci/run installs it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

export const REPORT_ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../.reweave/report-artifacts');

function chromiumPath(): string | null {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** The chromium to drive, or null after marking the test skipped (never in CI). */
export function browserOrSkip(ctx: { skip: (note?: string) => void }): string | null {
  const found = chromiumPath();
  if (found) return found;
  if (process.env.CI) throw new Error('chromium is not installed: the browser test must run in CI (.ci/run installs the Debian chromium package)');
  ctx.skip('chromium is not installed (apt-get install chromium): the browser test of the HTML report is skipped outside CI');
  return null;
}

export interface Seen {
  errors: string[];
  requests: string[];
  svgs: number;
  title: string;
  png: string;
  pdf: string;
}

export async function openReport(executablePath: string, file: string, outDir: string): Promise<Seen> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const svgs = await page.locator('svg').count();
    const title = await page.title();
    const png = path.join(outDir, `${path.basename(file, '.html')}.png`);
    const pdf = path.join(outDir, `${path.basename(file, '.html')}.pdf`);
    await page.screenshot({ path: png, fullPage: true });
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    return { errors, requests, svgs, title, png, pdf };
  } finally {
    await browser.close();
  }
}
