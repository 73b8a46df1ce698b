import type { Tx } from '../database.ts';

export interface DemoState {
  communities: number;
  demoFound: boolean;
  demoLoaded: boolean;
  /** The demo community's createdAt: the first day of its calendar (null when it has none). */
  demoFirstDay: Date | null;
}

export async function getDemoState(tx: Tx, demoId: string): Promise<DemoState> {
  const row = (await tx.run('meta/get-demo-state', { demoId }))[0];
  const first = row?.demoFirstDay;
  return {
    communities: Number(row?.communities ?? 0),
    demoFound: row?.demoFound === true,
    demoLoaded: row?.demoLoaded === true,
    demoFirstDay: typeof first === 'number' ? new Date(first) : null,
  };
}

export async function markDemoLoaded(tx: Tx, demoId: string, now: Date): Promise<void> {
  await tx.run('meta/mark-demo-loaded', { demoId, now });
}
