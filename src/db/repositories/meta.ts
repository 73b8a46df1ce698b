import type { Tx } from '../database.ts';

export async function countCommunities(tx: Tx): Promise<number> {
  const rows = await tx.run('meta/count-communities');
  return Number(rows[0]?.total ?? 0);
}
