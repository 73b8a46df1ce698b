/**
 * (b) `kill -9` of the import CLI in the middle of an import: the preset is imported once into an
 * empty database (the clean reference), then into a second empty database, where the CLI is killed
 * with SIGKILL once the database holds about `killAt` of the clean import's nodes and
 * relationships; the same import is run again there to the end. Both databases must then hold the
 * same node and relationship counts and the same checksum of the community's whole content
 * (test/helpers/checksum.ts). Online (Cypher) imports both: the database is running.
 *
 * The import stamps `createdAt` (and `updatedAt`) from its own clock where a row gives none — the
 * demo's relationship rows — so two clean imports at different times differ there. The checksum
 * compared masks those values: a timestamp that falls inside one of that database's import runs.
 * The checksum of the stored values as they are is printed too.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../src/db/database.ts';
import { writeDemoDataset, type DemoPreset } from '../../src/demo/generate.ts';
import { digestCommunity, type CommunityDigest } from '../../test/helpers/checksum.ts';
import { benchNeo4j } from '../harness/demo-neo4j.ts';
import { startImport, type ImportSummaryLine } from '../import-cli.ts';
import { table, type Property } from './report.ts';

export interface ImportKillOptions {
  preset: DemoPreset;
  port: number;
  /** Share of the clean import's nodes + relationships written when the CLI is killed (0–1). */
  killAt: number;
}

interface Totals { nodes: number; relationships: number }

async function totals(db: Database): Promise<Totals> {
  const session = db.driver.session();
  try {
    const n = await session.run('MATCH (n) RETURN count(n) AS c');
    const r = await session.run('MATCH ()-[r]->() RETURN count(r) AS c');
    return { nodes: Number(n.records[0]!.get('c')), relationships: Number(r.records[0]!.get('c')) };
  } finally {
    await session.close();
  }
}

type Window = [number, number];

/** Properties stamped by an import's clock (a createdAt or updatedAt inside one of `runs`) as one marker. */
function maskImportClock(runs: Window[]) {
  return (props: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...props };
    for (const key of ['createdAt', 'updatedAt']) {
      const v = out[key] as { toStandardDate?: () => Date } | undefined;
      const ms = v?.toStandardDate?.().getTime();
      if (ms !== undefined && runs.some(([from, to]) => ms >= from && ms <= to)) out[key] = '(import clock)';
    }
    return out;
  };
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const fmt = (n: number) => n.toLocaleString('en-US');

async function withDatabase<T>(name: string, port: number, work: (db: Database, neo4j: { uri: string; auth: { username: string; password: string } }) => Promise<T>): Promise<T> {
  const neo4j = await benchNeo4j({ name, port, reuse: false, keep: false });
  const db = new Database({ uri: neo4j.uri, username: neo4j.auth.username, password: neo4j.auth.password, retrySeconds: 30 });
  try {
    return await work(db, neo4j);
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

export async function importKill(o: ImportKillOptions): Promise<Property[]> {
  const communityId = `demo-${o.preset}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), `reweave-bench-faults-${o.preset}-`));
  try {
    console.log(`(b) generating ${o.preset} (calendar ending 2025-12-31) into ${dir} …`);
    await writeDemoDataset({ preset: o.preset, end: '2025-12-31' }, dir, 'csv');

    const clean = await withDatabase(`faults-import-clean-${o.preset}`, o.port, async (db, neo4j) => {
      const from = Date.now();
      const summary = await startImport(dir, neo4j.uri, neo4j.auth, true).done;
      const run: Window = [from, Date.now()];
      console.log(`(b) clean import: ${fmt(summary.totals.rows)} rows in ${summary.seconds.toFixed(1)} s`);
      return { summary, totals: await totals(db), digest: await digestCommunity(db, communityId, maskImportClock([run])), strict: await digestCommunity(db, communityId) };
    });
    const goal = o.killAt * (clean.totals.nodes + clean.totals.relationships);

    const killed = await withDatabase(`faults-import-killed-${o.preset}`, o.port, async (db, neo4j) => {
      const firstFrom = Date.now();
      const first = startImport(dir, neo4j.uri, neo4j.auth, true);
      const began = performance.now();
      first.done.catch(() => {});
      let exited = false;
      first.child.once('exit', () => (exited = true));
      for (;;) {
        if (exited) throw new Error('the import ended before it could be killed; raise --kill-at or use a larger preset');
        const now = await totals(db);
        if (now.nodes + now.relationships >= goal) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      first.child.kill('SIGKILL');
      const result = await first.done.then(() => 'exited 0', (e: Error) => e.message);
      const killedAfter = (performance.now() - began) / 1000;
      const atKill = await totals(db);
      console.log(`(b) import CLI killed after ${killedAfter.toFixed(1)} s (${result}): ${fmt(atKill.nodes)} nodes, ${fmt(atKill.relationships)} relationships in the database`);
      const runs: Window[] = [[firstFrom, Date.now()]];
      const againFrom = Date.now();
      const again: ImportSummaryLine = await startImport(dir, neo4j.uri, neo4j.auth, true).done;
      runs.push([againFrom, Date.now()]);
      console.log(`(b) the same import again: ${again.seconds.toFixed(1)} s, ${fmt(again.totals.created)} created, ${fmt(again.totals.unchanged)} unchanged, ${fmt(again.totals.updated)} updated`);
      return { killedAfter, atKill, again, totals: await totals(db), digest: await digestCommunity(db, communityId, maskImportClock(runs)), strict: await digestCommunity(db, communityId) };
    });

    const same = (a: CommunityDigest, b: CommunityDigest) => JSON.stringify([a.nodes, a.relationships]) === JSON.stringify([b.nodes, b.relationships]);
    console.log(`\n(b) kill -9 of the import CLI mid-import — preset ${o.preset}, ${fmt(clean.summary.totals.rows)} rows, online (Cypher) import`);
    console.log(table(['database', 'nodes', 'relationships', 'community nodes', 'community rels', 'import s', 'sha256, import clock masked', 'sha256 as stored'], [
      ['clean import', fmt(clean.totals.nodes), fmt(clean.totals.relationships), fmt(sum(clean.digest.nodes)), fmt(sum(clean.digest.relationships)), clean.summary.seconds.toFixed(1), clean.digest.sha256.slice(0, 16), clean.strict.sha256.slice(0, 16)],
      [`at the kill (${killed.killedAfter.toFixed(1)} s)`, fmt(killed.atKill.nodes), fmt(killed.atKill.relationships), '', '', '', '', ''],
      ['killed, then imported again', fmt(killed.totals.nodes), fmt(killed.totals.relationships), fmt(sum(killed.digest.nodes)), fmt(sum(killed.digest.relationships)), killed.again.seconds.toFixed(1), killed.digest.sha256.slice(0, 16), killed.strict.sha256.slice(0, 16)],
    ]));
    return [
      {
        scenario: 'b', name: 'the import was killed mid-way',
        pass: killed.atKill.nodes + killed.atKill.relationships < clean.totals.nodes + clean.totals.relationships && killed.atKill.nodes > 0,
        detail: `${fmt(killed.atKill.nodes + killed.atKill.relationships)} of ${fmt(clean.totals.nodes + clean.totals.relationships)} nodes + relationships written at the kill`,
      },
      {
        scenario: 'b', name: 'the import again gives the clean counts',
        pass: killed.totals.nodes === clean.totals.nodes && killed.totals.relationships === clean.totals.relationships && same(killed.digest, clean.digest),
        detail: `${fmt(killed.totals.nodes)} / ${fmt(clean.totals.nodes)} nodes, ${fmt(killed.totals.relationships)} / ${fmt(clean.totals.relationships)} relationships; per label and type ${same(killed.digest, clean.digest) ? 'equal' : 'DIFFERENT'}`,
      },
      {
        scenario: 'b', name: 'the import again gives the clean checksum (the import clock masked)',
        pass: killed.digest.sha256 === clean.digest.sha256,
        detail: `${killed.digest.sha256.slice(0, 16)} vs ${clean.digest.sha256.slice(0, 16)}`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
