/**
 * bench/dashboard: the dashboard's map in Debian's chromium (playwright-core, executablePath — no
 * browser download), against the service as users run it (`src/main.ts` in a process of its own,
 * bench/harness/service.ts) over a demo in a local Neo4j of this bench's own. Printed, per run:
 *   - the first draw after sign-in in a fresh service: from the click on "sign in" until the map says
 *     it is drawn (on beizhan, above COLLAPSE_ABOVE residents, that is the collapsed map of housing
 *     areas), with the page's own split (the timeline's fetch, the server's seconds, filter + apply);
 *   - the same in a second tab (the timeline cached by the service);
 *   - a slider step to a third of the way;
 *   - collapsed: a drill-down into the largest area (until its residents are drawn);
 *   - the timeline's answer and the collapsed one (groupTimeline): bytes over the wire, and how long
 *     the page's JSON.parse of each takes.
 * The service reads every community's timeline into its cache at start-up (REWEAVE_WARM_TIMELINES, on
 * by default): the first sign-in is timed once the service logs that the community's map history is
 * ready (the warm-up's time is printed). `--cold` switches the warm-up off and signs in as soon as
 * /health answers: the first read of a service just started, its Neo4j statements not yet compiled.
 *
 *   npm run bench:dashboard -- [--preset small|beizhan] [--runs 3] [--cold] [--reuse] [--keep]
 *     [--port 7733] [--neo4j-port 7731|7732]
 *
 * The database folder is /tmp/reweave-bench-dash-<preset> (kept with --keep, reused with --reuse).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Browser, Page, Request } from 'playwright-core';
import { CHROMIUM, launchChromium, moveSlider } from '../test/helpers/map-page.ts';
import { ensureWebBuilt } from '../scripts/build-web.ts';
import { Database } from '../src/db/database.ts';
import type { DemoPreset } from '../src/demo/generate.ts';
import { createToken } from '../src/services/auth/tokens.ts';
import { demoNeo4j } from './harness/demo-neo4j.ts';
import { startService } from './harness/service.ts';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'small' },
    runs: { type: 'string', default: '3' },
    cold: { type: 'boolean', default: false },
    port: { type: 'string', default: '7733' },
    'neo4j-port': { type: 'string' },
    reuse: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const preset = values.preset as DemoPreset;
if (preset !== 'small' && preset !== 'beizhan') throw new Error('--preset is small or beizhan');
const communityId = `demo-${preset}`;
const TIMEOUT = Number(process.env.BENCH_TIMEOUT_MS ?? 600_000);
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

interface Drawn {
  draw: number;
  nodes: number;
  edges: number;
  drawnNodes: number;
  drawnEdges: number;
  collapsed: boolean;
  fetch: string;
  timing: string;
}

/** Waits for the map's draw after `previous` and returns what it shows and the page's own timings. */
async function drawn(page: Page, previous = 0): Promise<Drawn> {
  try {
    await page.waitForFunction((p) => {
      const root = document.querySelector<HTMLElement>('section.map');
      return root?.dataset.state === 'drawn' && Number(root.dataset.draw) > p;
    }, previous, { timeout: TIMEOUT, polling: 50 });
  } catch (error) {
    const state = await page.evaluate(() => ({ map: { ...document.querySelector<HTMLElement>('section.map')?.dataset }, error: document.querySelector('[role=alert]')?.textContent ?? '', body: document.body.innerText.slice(0, 300) }));
    throw new Error(`the map was not drawn: ${JSON.stringify(state)}`, { cause: error });
  }
  return page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('section.map')!;
    const counts = document.querySelector<HTMLElement>('[data-testid=map-counts]')!;
    return {
      draw: Number(root.dataset.draw),
      nodes: Number(counts.dataset.nodes),
      edges: Number(counts.dataset.edges),
      drawnNodes: document.querySelectorAll('#resident-names option').length,
      drawnEdges: Number(counts.dataset.drawnEdges),
      collapsed: document.querySelector('[data-testid=map-note]')?.textContent !== '',
      fetch: root.dataset.fetch ?? '',
      timing: root.dataset.timing ?? '',
    };
  });
}

async function signIn(browser: Browser, url: string, token: string): Promise<{ page: Page; ms: number; shown: Drawn; split: string }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.log(`  [page error] ${e.message}`));
  await page.goto(`${url}/`);
  await page.fill('[data-testid=token]', token);
  // When the first history request (groupTimeline, then for a small community tieTimeline) left and
  // the last one's answer was in, to split the wait into before, during and after them.
  let sent = NaN;
  let answered = NaN;
  const asked = new Map<Request, number>();
  const requests: string[] = [];
  const onRequest = (r: Request) => {
    if (!r.url().endsWith('/graphql')) return;
    asked.set(r, performance.now());
    if (HISTORY.test(r.postData() ?? '') && Number.isNaN(sent)) sent = performance.now();
  };
  const onFinished = (r: Request) => {
    if (!r.url().endsWith('/graphql')) return;
    const query = /"query":"\s*(?:query\s*)?(\w+|\{\s*\w+)/.exec(r.postData() ?? '')?.[1]?.replace(/[{\s]/g, '') ?? '?';
    requests.push(`${query} ${Math.round(asked.get(r)! - started)}–${Math.round(performance.now() - started)}`);
    if (HISTORY.test(r.postData() ?? '')) answered = performance.now();
  };
  page.on('request', onRequest);
  page.on('requestfinished', onFinished);
  const started = performance.now();
  await page.click('[data-testid=sign-in] button[type=submit]');
  const shown = await drawn(page);
  const done = performance.now();
  page.off('request', onRequest);
  page.off('requestfinished', onFinished);
  const split = `sign-in → timeline asked ${Math.round(sent - started)} ms, its answer ${Math.round(answered - sent)} ms, → drawn ${Math.round(done - answered)} ms (requests, ms after the click: ${requests.join(', ')})`;
  return { page, ms: done - started, shown, split };
}

const HISTORY = /tieTimeline|groupTimeline/;

/** A history's answer as the page gets it: its size, the fetch and the JSON.parse in the page. */
async function wire(page: Page, field: 'tieTimeline' | 'groupTimeline'): Promise<string> {
  return page.evaluate(async ([id, name]) => {
    const token = sessionStorage.getItem('reweave.token');
    const query = name === 'tieTimeline'
      ? `query Timeline($communityId: ID!) { tieTimeline(communityId: $communityId) { dataFrom dataTo seconds
      residents { id label housingArea housingType building partyMember cultivationStage start end } ties { a b weight spanCounts spans } } }`
      : `query Groups($communityId: ID!) { groupTimeline(communityId: $communityId) { dataFrom dataTo seconds groups { key label housingType }
      residents { counts times deltas } inside { counts times deltas } between { a b ties { counts times deltas } } } }`;
    const began = performance.now();
    const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables: { communityId: id } }) });
    const text = await res.text();
    const fetched = performance.now();
    const body = JSON.parse(text) as { data: Record<string, { seconds: number }> };
    const parsed = performance.now();
    return `${(text.length / 1e6).toFixed(3)} MB (characters), fetched in ${Math.round(fetched - began)} ms (server ${body.data[name]!.seconds} s), JSON.parse ${Math.round(parsed - fetched)} ms`;
  }, [communityId, field] as const);
}

async function run(browser: Browser, neo4j: { uri: string; auth: { username: string; password: string } }, token: string, index: number): Promise<string[]> {
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  if (values.cold) process.env.REWEAVE_WARM_TIMELINES = 'off';
  let warmed: (line: string) => void = () => {};
  const warmedLine = new Promise<string>((resolve) => (warmed = resolve));
  const service = await startService({
    neo4j, port: Number(values.port), stderr: 'ignore',
    onLog: (line) => {
      if (line.includes(`map history of ${communityId}`)) warmed(line);
    },
  });
  try {
    const launched = performance.now();
    await service.ready();
    if (!values.cold) {
      // The first user after the start's warm-up: the sign-in once the service says the map's history is read.
      const line = await warmedLine;
      say(`run ${index}: the service's warm-up done ${((performance.now() - launched) / 1000).toFixed(1)} s after its start: ${line.replace(/^\[reweave\] /, '')}`);
    }
    const loadBefore = load();
    const first = await signIn(browser, service.url, token);
    say(`run ${index}: first draw after sign-in ${(first.ms / 1000).toFixed(2)} s (${first.shown.nodes} residents, ${first.shown.edges} ties; drawn: ${first.shown.drawnNodes} nodes, ${first.shown.drawnEdges} edges${first.shown.collapsed ? ', collapsed' : ''}); ${first.split}; page: fetch ${first.shown.fetch}, draw ${first.shown.timing} — load ${loadBefore} → ${load()}`);
    // The first tab's layout animates for a while (sigma redraws on every step): let it settle, or the second tab waits for it.
    await first.page.waitForFunction(() => document.querySelector<HTMLElement>('section.map')?.dataset.layout === 'done', undefined, { timeout: TIMEOUT });
    const second = await signIn(browser, service.url, token);
    say(`run ${index}: second tab (timeline cached) ${(second.ms / 1000).toFixed(2)} s; ${second.split}; page: fetch ${second.shown.fetch}, draw ${second.shown.timing}`);
    say(`run ${index}: the timeline's answer ${await wire(second.page, 'tieTimeline')}`);
    say(`run ${index}: the collapsed timeline's answer ${await wire(second.page, 'groupTimeline')}`);
    await second.page.close();
    const page = first.page;

    if (first.shown.collapsed) {
      // The largest area, by the residents in its label ("area (n)"), through the search box.
      const labels = await page.evaluate(() => [...document.querySelectorAll<HTMLOptionElement>('#resident-names option')].map((o) => o.value));
      const size = (label: string) => Number(/\((\d+)\)$/.exec(label)?.[1] ?? 0);
      const area = labels.sort((x, y) => size(y) - size(x))[0] ?? '';
      const began = performance.now();
      await page.fill('[data-testid=search]', area);
      await page.dispatchEvent('[data-testid=search]', 'change');
      await page.waitForSelector('[data-testid=back-to-areas]', { timeout: TIMEOUT });
      const ms = performance.now() - began;
      const inside = await page.evaluate(() => [document.querySelectorAll('#resident-names option').length, Number(document.querySelector<HTMLElement>('[data-testid=map-counts]')!.dataset.drawnEdges), document.querySelector<HTMLElement>('section.map')!.dataset.drillFetch ?? '—', document.querySelector<HTMLElement>('section.map')!.dataset.timing ?? '', document.querySelector<HTMLElement>('section.map')!.dataset.drill ?? '—']);
      say(`run ${index}: drill-down into ${area}: ${(ms / 1000).toFixed(2)} s (${inside[0]} residents, ${inside[1]} ties drawn); page: click → drawn ${inside[4]} ms, the area's timeline ${inside[2]}, draw ${inside[3]}`);
      await page.click('[data-testid=back-to-areas]');
    }

    const before = await page.evaluate(() => Number(document.querySelector<HTMLElement>('section.map')!.dataset.draw));
    const began = performance.now();
    await moveSlider(page, 1 / 3);
    const step = await drawn(page, before);
    say(`run ${index}: slider step to a third ${((performance.now() - began) / 1000).toFixed(2)} s (${step.nodes} residents, ${step.edges} ties); page: draw ${step.timing} — load ${load()}`);
    await page.close();
  } finally {
    await service.stop();
  }
  return lines;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  await ensureWebBuilt();
  const neo4jPort = Number(values['neo4j-port'] ?? (preset === 'small' ? 7731 : 7732));
  const neo4j = await demoNeo4j({ bench: 'dash', preset, port: neo4jPort, reuse: values.reuse, keep: values.keep });
  // WebGL without a GPU: SwiftShader through ANGLE, as in the browser test.
  const browser = await launchChromium();
  try {
    const db = new Database({ uri: neo4j.uri, username: neo4j.auth.username, password: neo4j.auth.password, retrySeconds: 30 });
    const token = (await createToken(db, { role: 'ANALYST', communities: [communityId], name: 'bench dashboard' })).token;
    await db.close();
    const lines: string[] = [];
    for (let i = 1; i <= Number(values.runs); i += 1) lines.push(...(await run(browser, neo4j, token, i)));
    console.log(`\nbench/dashboard — ${preset}, ${values.cold ? 'start-up warm-up off (the first read cold)' : 'start-up warm-up on'}, ${os.cpus().length} cores shared by chromium, the service and Neo4j (and whatever else runs), node ${process.version}, load average now ${load()}`);
    for (const line of lines) console.log(`  ${line}`);
  } finally {
    await browser.close();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
