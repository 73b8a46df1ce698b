/**
 * Time the hypervisor took the virtual CPUs away (the "steal" column of /proc/stat, per CPU), for
 * timing tests: on this machine (a 2-vCPU microVM) the host now and then deschedules a vCPU for
 * ~100 ms (sampled every 20 ms: two such windows in 200 s mostly idle, 22 in 620 s of a full
 * `npm test`), and whatever thread was on it stalls, whatever the code does. A timing test subtracts
 * what was stolen meanwhile before it judges, and prints both. Off Linux there is no such column, and
 * nothing is ever subtracted.
 */
import { readFileSync } from 'node:fs';

/** USER_HZ: /proc/stat counts in hundredths of a second on every Linux the project runs on. */
const MS_PER_TICK = 10;

/** Steal so far, in ms, per CPU (cpu0, cpu1, …); empty where /proc/stat cannot be read. */
export function stealPerCpu(stat = readStat()): number[] {
  const perCpu: number[] = [];
  for (const line of stat.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (!/^cpu\d+$/.test(fields[0] ?? '')) continue;
    perCpu.push(Number(fields[8] ?? 0) * MS_PER_TICK);
  }
  return perCpu;
}

/**
 * The most any one CPU had stolen between two readings: the most a thread that stayed on one CPU
 * can have lost (a thread whose CPU was not the stolen one lost nothing, so this errs toward excusing).
 */
export function stolenBetween(before: number[], after: number[]): number {
  let most = 0;
  for (let cpu = 0; cpu < Math.min(before.length, after.length); cpu += 1) most = Math.max(most, after[cpu]! - before[cpu]!);
  return most;
}

function readStat(): string {
  try {
    return readFileSync('/proc/stat', 'utf8');
  } catch {
    return '';
  }
}
