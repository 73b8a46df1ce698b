/**
 * Generates the `beizhan` demo community (72,000 residents) as CSV into a temporary folder and prints
 * rows per file, total rows, seconds and peak RSS, then checks the figures of the Beizhan issue
 * (seeds/003): residents, time-bank members and hours, the 1 + 14 + 25 joint conference, 28 social
 * organisations, 30+ resident units and 4 + 3 + 1 estates.
 *
 * Run: npx tsx bench/demo-generate.ts [small|beizhan] [--keep]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemo } from '../src/demo/generate.ts';
import { DatasetWriter } from '../src/interchange/dataset-writer.ts';
import type { DemoPreset } from '../src/demo/presets.ts';

const preset = (process.argv[2] ?? 'beizhan') as DemoPreset;
const keep = process.argv.includes('--keep');
const dir = mkdtempSync(path.join(tmpdir(), `reweave-demo-${preset}-`));

// Tallies for the checks, gathered from the rows as they stream past (no rows are kept).
const branchLevels = new Map<string, number>();
const orgTypes = new Map<string, number>();
const housing = new Map<string, string>();
const exchangers = new Set<string>();
let exchangeHours = 0;
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

const writer = new DatasetWriter(dir, 'csv');
const started = performance.now();
const counts = await generateDemo({ preset }, async (file, row) => {
  if (file === 'PartyBranch') bump(branchLevels, String(row.level));
  else if (file === 'Organization') bump(orgTypes, row.type === 'RESIDENT_UNIT' ? `RESIDENT_UNIT/${String(row.unitKind)}` : String(row.type));
  else if (file === 'Resident' && !housing.has(String(row.housingArea))) housing.set(String(row.housingArea), String(row.housingType));
  else if (file === 'EXCHANGE') {
    exchangers.add(String(row.from));
    exchangers.add(String(row.to));
    exchangeHours += Number(row.hours);
  }
  await writer.write(file, row);
});
await writer.close();
const seconds = (performance.now() - started) / 1000;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

const total = [...counts.values()].reduce((s, n) => s + n, 0);
console.log(`demo ${preset} → ${dir}`);
for (const [file, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${file.padEnd(22)} ${String(n).padStart(9)}`);
console.log(`  ${'total rows'.padEnd(22)} ${String(total).padStart(9)}`);
console.log(`seconds ${seconds.toFixed(1)}   peak RSS ${peakRssMb.toFixed(0)} MB`);

const housingCount = (t: string) => [...housing.values()].filter((v) => v === t).length;
const units = [...orgTypes].filter(([k]) => k.startsWith('RESIDENT_UNIT/')).reduce((s, [, n]) => s + n, 0);
const figures: [string, number, number][] = preset === 'beizhan'
  ? [
      ['residents', counts.get('Resident') ?? 0, 72_000],
      ['time-bank members (residents with an EXCHANGE)', exchangers.size, 9_000],
      ['time-bank hours', Math.round(exchangeHours), 62_000],
      ['community committee', branchLevels.get('COMMUNITY_COMMITTEE') ?? 0, 1],
      ['direct branches', branchLevels.get('DIRECT_BRANCH') ?? 0, 14],
      ['unit Party organisations', branchLevels.get('UNIT_ORGANIZATION') ?? 0, 25],
      ['social organisations', orgTypes.get('SOCIAL_ORGANIZATION') ?? 0, 28],
      ['resident units', units, 30],
      ['garden estates', housingCount('GARDEN_ESTATE'), 4],
      ['urban villages', housingCount('URBAN_VILLAGE'), 3],
      ['affordable-housing estates', housingCount('AFFORDABLE_HOUSING'), 1],
    ]
  : [['residents', counts.get('Resident') ?? 0, 1_900], ['time-bank members', exchangers.size, 1], ['time-bank hours', Math.round(exchangeHours), 1]];
let failed = 0;
console.log('figures (got ≥ wanted):');
for (const [name, got, wanted] of figures) {
  const ok = got >= wanted;
  if (!ok) failed++;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(48)} ${String(got).padStart(7)}  (≥ ${wanted})`);
}
console.log(`  self-organisations ${orgTypes.get('SELF_ORGANIZATION') ?? 0}; units by kind ${[...orgTypes].filter(([k]) => k.startsWith('RESIDENT_UNIT/')).map(([k, n]) => `${k.slice(14)} ${n}`).join(', ')}`);
if (!keep) rmSync(dir, { recursive: true, force: true });
process.exitCode = failed > 0 ? 1 : 0;
