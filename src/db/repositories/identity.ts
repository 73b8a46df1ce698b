import type { Tx } from '../database.ts';
import type { Props } from './records.ts';

export async function getIdentities(tx: Tx, residentIds: readonly string[]): Promise<Map<string, Props>> {
  const rows = await tx.run('identity/get-identities', { ids: residentIds });
  return new Map(rows.map((r) => [String(r.key), r.identity as Props]));
}

export async function setIdentity(tx: Tx, residentId: string, props: Props, now: Date): Promise<Props | null> {
  const rows = await tx.run('identity/set-identity', { residentId, identityId: `${residentId}:identity`, props, now });
  return (rows[0]?.identity as Props | undefined) ?? null;
}
