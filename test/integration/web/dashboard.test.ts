/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core (no browser download)
 * against the served page (built by scripts/build-web.ts, served by the real app) over the run's
 * real Neo4j with the `small` demo. Sign in by pasting a token, the map draws with the API's node and
 * tie counts, the date slider redraws with the API's counts at that date, every view opens, a bad
 * token shows the UNAUTHENTICATED message, and the console stays free of errors. Screenshots go to
 * .reweave/screenshots/dashboard (git-ignored). Timings are printed, not asserted.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../src/db/local/paths.ts';
import { createToken } from '../../../src/services/auth/tokens.ts';
import { SHARED_DEMO } from '../../helpers/demo.ts';
import { ensureWebBuilt } from '../../../scripts/build-web.ts';
import { startTestApi, type TestApi } from '../../helpers/api.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present && process.env.CI) throw new Error(`chromium is required in CI but ${CHROMIUM} is missing (.ci/run installs Debian's chromium package)`);
if (!present) console.warn(`[dashboard test] skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

const SHOTS = path.join(REPO_ROOT, '.reweave', 'screenshots', 'dashboard');
const demo = SHARED_DEMO;
const EXPORT = `query($input: ExportInput!) { exportNetwork(input: $input) { nodeCount edgeCount } }`;

let api: TestApi;
let analyst: string;
let browser: Browser;
const consoleErrors: string[] = [];

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  return page;
}

/** Waits until the map has finished the draw after `previous` and returns what it shows. */
async function drawn(page: Page, previous = 0) {
  await page.waitForFunction((p) => {
    const root = document.querySelector<HTMLElement>('section.map');
    return root?.dataset.state === 'drawn' && Number(root.dataset.draw) > p;
  }, previous, { timeout: 120_000 });
  return page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('section.map')!;
    const counts = document.querySelector<HTMLElement>('[data-testid=map-counts]')!;
    return {
      draw: Number(root.dataset.draw),
      asOf: root.dataset.asOf!,
      nodes: Number(counts.dataset.nodes),
      edges: Number(counts.dataset.edges),
      drawnEdges: Number(counts.dataset.drawnEdges),
      text: counts.textContent ?? '',
      canvases: document.querySelectorAll('[data-testid=map-canvas] canvas').length,
    };
  });
}

async function apiCounts(asOf: string) {
  const r = await api.gql<{ exportNetwork: { nodeCount: number; edgeCount: number } }>(EXPORT, { input: { communityId: demo, network: 'TIES', format: 'JSON', asOf } }, analyst);
  expect(r.errors).toBeUndefined();
  return r.data!.exportNetwork;
}

describe.skipIf(!present)('the dashboard in chromium', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    await mkdir(SHOTS, { recursive: true });
    api = await startTestApi();
    analyst = (await createToken(api.db, { role: 'ANALYST', communities: [demo], name: 'dashboard test' })).token;
    // WebGL without a GPU: SwiftShader through ANGLE.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox'] });
    // The demo load dominates: about 130 s on an idle 2-core machine, over 300 s under heavy load.
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('serves the page at / beside /graphql', async () => {
    const res = await fetch(`${api.app.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<div id="app">');
  });

  it('signs in with a pasted token, draws the map with the API\'s counts, and redraws as of an earlier date', async () => {
    const page = await newPage();
    await page.goto(`${api.app.url}/`);
    const started = Date.now();
    await page.fill('[data-testid=token]', analyst);
    await page.click('[data-testid=sign-in] button[type=submit]');
    const first = await drawn(page);
    const firstMs = Date.now() - started;
    expect(first.canvases).toBeGreaterThan(0);
    const expected = await apiCounts(first.asOf);
    expect(first.nodes).toBe(expected.nodeCount);
    expect(first.edges).toBe(expected.edgeCount);
    expect(first.drawnEdges).toBe(expected.edgeCount);
    expect(first.text).toContain(`${expected.nodeCount.toLocaleString('en-US')} 居民`);
    // The token is kept for the tab's session only.
    expect(await page.evaluate(() => [sessionStorage.getItem('reweave.token') !== null, localStorage.getItem('reweave.token')])).toEqual([true, null]);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('section.map')?.dataset.layout === 'done', undefined, { timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, 'map.png') });

    // A third of the way along the slider the community had fewer ties.
    const stepStarted = Date.now();
    await page.evaluate(() => {
      const slider = document.querySelector<HTMLInputElement>('[data-testid=slider]')!;
      slider.value = String(Math.round(Number(slider.max) / 3));
      slider.dispatchEvent(new Event('input'));
      slider.dispatchEvent(new Event('change'));
    });
    const earlier = await drawn(page, first.draw);
    const stepMs = Date.now() - stepStarted;
    expect(Date.parse(earlier.asOf)).toBeLessThan(Date.parse(first.asOf));
    const then = await apiCounts(earlier.asOf);
    expect(earlier.edges).toBe(then.edgeCount);
    expect(earlier.nodes).toBe(then.nodeCount);
    expect(earlier.drawnEdges).not.toBe(first.drawnEdges);
    await page.screenshot({ path: path.join(SHOTS, 'map-earlier.png') });
    console.log(`[dashboard timing] first draw after sign-in ${firstMs} ms (${first.nodes} residents, ${first.edges} ties); slider step ${stepMs} ms (${earlier.edges} ties)`);

    // Clicking a resident (found by the search box) opens the side panel with the API's label.
    const name = await page.evaluate(() => document.querySelector<HTMLOptionElement>('#resident-names option')?.value ?? '');
    await page.fill('[data-testid=search]', name);
    await page.dispatchEvent('[data-testid=search]', 'change');
    await page.waitForSelector('[data-testid=panel-name]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid=panel-name]')).toContain(name);

    // Every view opens and shows the API's rows.
    for (const view of ['active', 'brokers', 'mixing', 'funnel']) {
      await page.click(`[data-tab=${view}]`);
      await page.waitForSelector(`[data-testid=view-${view}]`, { timeout: 120_000 });
      await page.screenshot({ path: path.join(SHOTS, `${view}.png`), fullPage: true });
    }
    const shown = await page.$$eval('[data-testid=funnel-stages] tbody tr', (rows) => rows.length);
    expect(shown).toBe(4);
    await page.click('[data-tab=active]');
    await page.waitForSelector('[data-testid=view-active]');
    // The view names its window; the same query over it gives the same residents in the same order.
    const window = await page.$eval('[data-testid=view-active] [data-testid=view-caption]', (c) => ({ from: (c as HTMLElement).dataset.from, to: (c as HTMLElement).dataset.to }));
    expect(window.from).toBeDefined();
    const active = await api.gql<{ activeResidents: { residents: { totalCount: number; edges: { node: { resident: { label: string } } }[] } } }>(
      `query($c: ID!, $from: DateTime, $to: DateTime) { activeResidents(communityId: $c, from: $from, to: $to) { residents(first: 50) { totalCount edges { node { resident { label } } } } } }`, { c: demo, ...window }, analyst);
    const rows = await page.$$eval('[data-testid=active-table] tbody tr td:nth-child(2)', (cells) => cells.map((c) => c.textContent));
    expect(rows).toEqual(active.data!.activeResidents.residents.edges.map((e) => e.node.resident.label));

    // English is one click away.
    await page.click('[data-testid=lang]');
    expect(await page.textContent('h1')).toBe('Community network dashboard');
    await page.close();
    expect(consoleErrors).toEqual([]);
  }, 300_000);

  it('shows the UNAUTHENTICATED message for a bad token and stays on the sign-in form', async () => {
    const page = await newPage();
    await page.goto(`${api.app.url}/`);
    await page.fill('[data-testid=token]', 'rw_not-a-token');
    await page.click('[data-testid=sign-in] button[type=submit]');
    const banner = page.locator('[data-testid=error][data-code=UNAUTHENTICATED]');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toContain('令牌无效或已撤销');
    expect(await banner.textContent()).toContain('The token is unknown or revoked');
    expect(await page.isVisible('[data-testid=sign-in]')).toBe(true);
    expect(await page.evaluate(() => sessionStorage.getItem('reweave.token'))).toBeNull();
    await page.screenshot({ path: path.join(SHOTS, 'unauthenticated.png') });
    await page.close();
    // The 401 of the sign-in request is the only console line, and it is the browser's, not the page's.
    expect(consoleErrors.filter((e) => !/401/.test(e))).toEqual([]);
  }, 60_000);
});
