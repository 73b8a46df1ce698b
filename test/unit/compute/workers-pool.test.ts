/**
 * The analytics worker pool (src/services/analytics/workers): the same numbers as the single-thread
 * functions, errors that keep their kind, code and path, nothing shared between runs, abort, and a
 * process that exits once the pool is closed (or merely idle).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UndirectedGraph } from 'graphology';
import { betweenness, closeness, degree, eigenvector, harmonic, pagerank, strength, toCSR } from '../../../src/analytics/centrality/index.ts';
import { louvain } from '../../../src/analytics/communities/louvain.ts';
import { connectedComponents } from '../../../src/analytics/communities/components.ts';
import { ReweaveError } from '../../../src/domain/errors.ts';
import { AnalyticsPool } from '../../../src/compute/workers/index.ts';
import { loadReference, referenceGraph } from '../analytics/centrality/reference.ts';

const lesmisGraph = referenceGraph(loadReference('lesmis'));
const lesmis = toCSR(lesmisGraph);
const karate = toCSR(referenceGraph(loadReference('karate')));
const pool = new AnalyticsPool({ size: 2 });
afterAll(() => pool.close());

const rejection = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
};

describe('same numbers as the single-thread functions', () => {
  it('split measures, bit for bit (graph or CSR in)', async () => {
    expect(await pool.runCentrality('betweenness', lesmis)).toEqual(betweenness(lesmis));
    expect(await pool.runCentrality('betweenness', lesmisGraph, { distance: 'weight', normalized: false })).toEqual(betweenness(lesmis, { distance: 'weight', normalized: false }));
    expect(await pool.runCentrality('closeness', lesmis, { distance: 'inverse-weight' })).toEqual(closeness(lesmis, { distance: 'inverse-weight' }));
    expect(await pool.runCentrality('harmonic', lesmisGraph)).toEqual(harmonic(lesmis));
  });

  it('sampled betweenness: the seed fixes the pivots however the sources are split', async () => {
    const options = { pivots: 40, seed: 11 };
    const parallel = await pool.runCentrality('betweenness', lesmis, options);
    expect(parallel).toEqual(betweenness(lesmis, options));
    const single = new AnalyticsPool({ size: 1 });
    expect((await single.runCentrality('betweenness', lesmis, options)).values).toEqual(parallel.values);
    await single.close();
  });

  it('whole measures in one worker', async () => {
    expect(await pool.runCentrality('degree', lesmis, { normalized: true })).toEqual(degree(lesmis, { normalized: true }));
    expect(await pool.runCentrality('strength', lesmisGraph)).toEqual(strength(lesmis));
    expect(await pool.runCentrality('eigenvector', lesmis)).toEqual(eigenvector(lesmis));
    expect(await pool.runCentrality('pagerank', lesmis, { weighted: false })).toEqual(pagerank(lesmis, { weighted: false }));
  });

  it('graphology tasks rebuild the exported graph', async () => {
    expect(await pool.runTask('louvain', lesmisGraph.export(), { seed: 3 })).toEqual(louvain(lesmisGraph, { seed: 3 }));
    expect(await pool.runTask('connectedComponents', lesmisGraph.export())).toEqual(connectedComponents(lesmisGraph));
  });

  it('reports progress in sources, summed over the workers, up to the total', async () => {
    const seen: [number, number][] = [];
    await pool.runCentrality('closeness', lesmis, {}, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every(([, total]) => total === lesmis.order)).toBe(true);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
    expect(seen.at(-1)![0]).toBe(lesmis.order);
  });
});

describe('errors keep their kind, code and path', () => {
  it('a task option refused in the worker → BAD_USER_INPUT at ["options", field]', async () => {
    const error = await rejection(pool.runTask('louvain', lesmisGraph.export(), { resolution: -1 }));
    expect(error).toBeInstanceOf(ReweaveError);
    expect((error as ReweaveError).code).toBe('BAD_USER_INPUT');
    expect((error as ReweaveError).details.path).toEqual(['options', 'resolution']);
    expect(error.stack).toContain('analytics worker');
  });

  it('an unknown task and a graph that is not an export', async () => {
    const unknown = await rejection(pool.runTask('nope' as 'bridges', lesmisGraph.export()));
    expect(unknown).toMatchObject({ code: 'BAD_USER_INPUT', details: { path: ['name'] } });
    const bad = await rejection(pool.runTask('bridges', { nodes: 'x' } as never));
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', details: { path: ['graph'] } });
  });

  it('a centrality option → BAD_USER_INPUT with its path, before any thread works', async () => {
    const error = await rejection(pool.runCentrality('betweenness', lesmis, { pivots: 0 }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { path: ['options', 'pivots'] } });
    expect(await rejection(pool.runCentrality('pagerank', lesmis, { colour: 1 } as never))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it("an analytic's own Error comes back as an Error with its message", async () => {
    const error = await rejection(pool.runCentrality('eigenvector', lesmis, { maxIterations: 1 }));
    expect(error).not.toBeInstanceOf(ReweaveError);
    expect(error.name).toBe('Error');
    expect(error.message).toMatch(/^centrality\/eigenvector: power iteration did not converge/);
  });
});

describe('runs share nothing', () => {
  it('concurrent runs on different graphs each get their own result', async () => {
    const [a, b, c] = await Promise.all([
      pool.runCentrality('betweenness', lesmis),
      pool.runCentrality('betweenness', karate),
      pool.runCentrality('harmonic', karate, { distance: 'weight' }),
    ]);
    expect(a).toEqual(betweenness(lesmis));
    expect(b).toEqual(betweenness(karate));
    expect(c).toEqual(harmonic(karate, { distance: 'weight' }));
  });

  it('a run after another (and after an abort) is unaffected by it', async () => {
    const controller = new AbortController();
    const aborted = pool.runCentrality('betweenness', lesmis, {}, {
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('stop')),
    });
    expect((await rejection(aborted)).message).toBe('stop');
    expect(await pool.runCentrality('betweenness', karate)).toEqual(betweenness(karate));
    expect(await pool.runCentrality('betweenness', lesmis)).toEqual(betweenness(lesmis));
  });

  it('close() terminates the threads; the next run starts them again', async () => {
    const own = new AnalyticsPool({ size: 2 });
    await own.runCentrality('closeness', karate);
    expect(own.started).toBe(2);
    await own.close();
    expect(own.started).toBe(0);
    expect(await own.runCentrality('closeness', karate)).toEqual(closeness(karate));
    await own.close();
  });
});

/** Nice value of each thread of this process (Linux /proc; the command name may hold spaces). */
function threadNices(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

it.runIf(existsSync('/proc/thread-self'))('worker threads run at nice +19, the event loop at its own priority', async () => {
  const before = threadNices().filter((nice) => nice === 19).length;
  const own = new AnalyticsPool({ size: 2 });
  await own.runCentrality('harmonic', karate);
  expect(threadNices().filter((nice) => nice === 19).length - before).toBeGreaterThanOrEqual(2);
  expect(threadNices()[0]).not.toBe(10);
  await own.close();
});

describe('the process exits', () => {
  const index = fileURLToPath(new URL('../../../src/compute/workers/index.ts', import.meta.url));
  const script = (close: boolean) => `
    import { UndirectedGraph } from 'graphology';
    import { runCentrality, runTask, closeAnalyticsPool } from ${JSON.stringify(index)};
    const g = new UndirectedGraph();
    for (let i = 0; i < 60; i += 1) g.mergeEdge('n' + i, 'n' + ((i * 7 + 1) % 60));
    const r = await runCentrality('betweenness', g);
    await runTask('bridges', g.export());
    ${close ? 'await closeAnalyticsPool();' : ''}
    console.log('ok', Object.keys(r.values).length);
  `;
  it.each([true, false])('after a run under `node --import tsx` (closed: %s)', (close) => {
    const started = Date.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(close)], { encoding: 'utf8', timeout: 30_000 });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('ok 60');
    expect(child.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

it('an empty graph is answered without starting a thread', async () => {
  const own = new AnalyticsPool();
  expect((await own.runCentrality('betweenness', new UndirectedGraph())).values).toEqual({});
  expect((await own.runCentrality('closeness', new UndirectedGraph())).values).toEqual({});
  expect(own.started).toBe(0);
});
