/**
 * Peak resident memory of a process and all its descendants *at the same instant*, sampled from
 * /proc (Linux). The import CLI runs Neo4j's bulk importer as a child JVM; adding each process's own
 * peak would count memory the CLI no longer touches while the JVM runs, so the bench samples the
 * tree's total instead and reports its largest value.
 */
import { readdirSync, readFileSync } from 'node:fs';

const read = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** Every live process as pid → parent pid. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    // Field 4 (ppid) follows the command name, which is in parentheses and may hold spaces.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    map.set(Number(entry), ppid);
  }
  return map;
}

const kb = (status: string | null, field: string): number => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status ?? '')?.[1] ?? 0);

/** Samples the tree under `pid`, less the processes `exclude` picks by command line (and theirs), every `everyMs` until stop(). */
export function watchTree(pid: number, exclude: (cmdline: string) => boolean = () => false, everyMs = 100): { stop: () => { peakTreeMb: number } } {
  let peakTreeMb = 0;
  const sample = () => {
    const ppid = parents();
    const tree = [pid];
    for (let i = 0; i < tree.length; i += 1) {
      for (const [child, parent] of ppid) {
        if (parent === tree[i] && !exclude((read(`/proc/${child}/cmdline`) ?? '').replaceAll('\0', ' '))) tree.push(child);
      }
    }
    let total = 0;
    // VmRSS: a process's resident memory now (VmHWM would be its own peak, at another instant).
    for (const p of tree) total += kb(read(`/proc/${p}/status`), 'VmRSS');
    peakTreeMb = Math.max(peakTreeMb, total / 1024);
  };
  const timer = setInterval(sample, everyMs);
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      return { peakTreeMb };
    },
  };
}
