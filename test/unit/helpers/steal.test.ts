/** The steal reading that timing tests subtract (test/helpers/steal.ts). */
import { describe, expect, it } from 'vitest';
import { stealPerCpu, stolenBetween } from '../../helpers/steal.ts';

const stat = (cpu0: number, cpu1: number) => [
  `cpu  3203876 124651 197990 1269778 11557 0 13034 ${cpu0 + cpu1} 0 0`,
  `cpu0 1599021 61654 97124 645402 2909 0 4256 ${cpu0} 0 0`,
  `cpu1 1604854 62997 100865 624375 8647 0 8778 ${cpu1} 0 0`,
  'intr 1 2 3',
  'ctxt 42',
].join('\n');

describe('steal', () => {
  it('reads the eighth column of each cpuN line, in ms, and skips the total', () => {
    expect(stealPerCpu(stat(11069, 10681))).toEqual([110_690, 106_810]);
  });

  it('takes the most any one CPU lost between two readings', () => {
    expect(stolenBetween(stealPerCpu(stat(100, 200)), stealPerCpu(stat(103, 210)))).toBe(100);
    expect(stolenBetween(stealPerCpu(stat(100, 200)), stealPerCpu(stat(100, 200)))).toBe(0);
  });

  it('subtracts nothing where there is no /proc/stat', () => {
    expect(stealPerCpu('')).toEqual([]);
    expect(stolenBetween([], [])).toBe(0);
  });

  it('reads this machine, if it is Linux, as one number per CPU', () => {
    if (process.platform !== 'linux') return;
    const now = stealPerCpu();
    expect(now.length).toBeGreaterThan(0);
    expect(now.every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true);
  });
});
