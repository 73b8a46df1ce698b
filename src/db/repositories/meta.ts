import type { Tx } from '../database.ts';

export interface DemoState {
  communities: number;
  demoFound: boolean;
  demoLoaded: boolean;
}

export async function getDemoState(tx: Tx, demoId: string): Promise<DemoState> {
  const row = (await tx.run('meta/get-demo-state', { demoId }))[0];
  return { communities: Number(row?.communities ?? 0), demoFound: row?.demoFound === true, demoLoaded: row?.demoLoaded === true };
}

export async function markDemoLoaded(tx: Tx, demoId: string, now: Date): Promise<void> {
  await tx.run('meta/mark-demo-loaded', { demoId, now });
}
