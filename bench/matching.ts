/**
 * Matching and time-bank benchmark, printed (targets from the matching issue):
 *   1. 500 resources × 500 needs, every pair eligible: proposals including scoring and proximity
 *      (owner hops by BFS in a synthetic 20,000-node network) — target ≤ 2 s;
 *   2. 2,000 × 2,000 with 10 % of the pairs eligible (ten categories) — target ≤ 10 s;
 *   3. the time-bank ledger over the `beizhan` demo's exchanges (64,000 hours), generated in memory —
 *      target ≤ 2 s cold (the first call in this process). The Neo4j read of the exchanges is not in
 *      this figure; timeBank's `seconds` field reports the ledger alone too.
 * The optimum and greedy totals are printed beside each.
 *
 * Run: npm run bench:matching
 */
import { UndirectedGraph } from 'graphology';
import type { NeedInput, PoolEntryInput } from '../src/analytics/matching/eligibility.ts';
import { matchPools } from '../src/analytics/matching/proposals.ts';
import { ownerNetwork } from '../src/analytics/matching/proximity.ts';
import { mulberry32 } from '../src/analytics/graph-utils/prng.ts';
import { timeBankLedger, type Exchange } from '../src/analytics/timebank/ledger.ts';
import { generateDemo } from '../src/demo/generate.ts';

const rnd = mulberry32(20251202);
const TAGS = Array.from({ length: 40 }, (_, i) => `tag${i}`);
const pick = (k: number) => Array.from({ length: k }, () => TAGS[Math.floor(rnd() * TAGS.length)]!);
const pad = (i: number) => String(i).padStart(5, '0');

function network(nodes: number, owners: number) {
  const g = new UndirectedGraph();
  for (let i = 0; i < nodes; i += 1) g.addNode(`p${i}`, { label: i < owners ? 'Organization' : 'Resident', housingArea: `area${i % 8}` });
  for (let i = 0; i < 3 * nodes; i += 1) {
    const a = Math.floor(rnd() * nodes);
    const b = Math.floor(rnd() * nodes);
    if (a !== b && !g.hasEdge(`p${a}`, `p${b}`)) g.addEdge(`p${a}`, `p${b}`, { kind: 'ACQUAINTANCE' });
  }
  return g;
}

function pools(n: number, categories: number, owners: number) {
  const resources: PoolEntryInput[] = Array.from({ length: n }, (_, i) => ({
    id: `r${pad(i)}`, name: `resource ${i}`, category: `C${i % categories}`, tags: pick(3), quantity: 1 + Math.floor(rnd() * 20), unit: null,
    validFrom: null, validUntil: null, owners: [`p${Math.floor(rnd() * owners)}`],
  }));
  const needs: NeedInput[] = Array.from({ length: n }, (_, i) => ({
    id: `n${pad(i)}`, name: `need ${i}`, category: `C${Math.floor(rnd() * categories)}`, tags: pick(3), quantity: 1 + Math.floor(rnd() * 20), unit: null,
    validFrom: null, validUntil: null, owners: [`p${Math.floor(rnd() * owners)}`], urgency: 1 + Math.floor(rnd() * 5),
  }));
  return { resources, needs };
}

function matchRow(label: string, n: number, categories: number, target: number) {
  const g = network(20_000, 400);
  const { resources, needs } = pools(n, categories, 400);
  const started = performance.now();
  const owners = ownerNetwork(g, resources.flatMap((r) => r.owners), needs.flatMap((x) => x.owners));
  const result = matchPools(resources, needs, owners);
  const seconds = (performance.now() - started) / 1000;
  const gain = ((result.total - result.greedyTotal) / result.greedyTotal) * 100;
  console.log(`${label}: ${seconds.toFixed(2)} s (target ≤ ${target} s${seconds <= target ? '' : ', MISSED'}) · ${result.eligiblePairs.toLocaleString('en')} eligible pairs, ${owners.searches} owner searches · ${result.proposals.length} proposals, ${result.unmet.length} needs (partly) unmet · optimum ${result.total.toFixed(1)} vs greedy ${result.greedyTotal.toFixed(1)} (+${gain.toFixed(2)} %)`);
}

async function ledgerRow() {
  const exchanges: Exchange[] = [];
  const housing = new Map<string, string | null>();
  await generateDemo({ preset: 'beizhan' }, async (file, row) => {
    if (file === 'Resident') housing.set(String(row.id), typeof row.housingType === 'string' ? row.housingType : null);
    else if (file === 'EXCHANGE') {
      exchanges.push({ provider: String(row.from), recipient: String(row.to), at: (row.at as Date).getTime(), hours: Number(row.hours), points: Number(row.points ?? 0), service: String(row.service ?? '') });
    }
  });
  const members = [...new Set(exchanges.flatMap((e) => [e.provider, e.recipient]))].map((id) => ({ id, housingType: housing.get(id) ?? null }));
  const hours = exchanges.reduce((s, e) => s + e.hours, 0);
  const started = performance.now();
  const ledger = timeBankLedger(exchanges, members, { from: Date.UTC(2023, 0, 1), to: Date.UTC(2026, 0, 1) });
  const seconds = (performance.now() - started) / 1000;
  console.log(`timeBank ledger, beizhan (${exchanges.length.toLocaleString('en')} exchanges, ${Math.round(hours).toLocaleString('en')} hours, ${members.length.toLocaleString('en')} members), cold: ${seconds.toFixed(2)} s (target ≤ 2 s${seconds <= 2 ? '' : ', MISSED'}) · conserved ${ledger.totals.conserved} · reciprocity ${ledger.reciprocityShare?.toFixed(3)} · cross-housing ${ledger.crossHousingShare?.toFixed(3)}`);
}

await ledgerRow();
matchRow('500 × 500, all eligible', 500, 1, 2);
matchRow('2,000 × 2,000, 10 % eligible', 2000, 10, 10);
