import { mayWriteIdentity } from '../../domain/permissions.ts';
import { setIdentity as save } from '../../db/repositories/identity.ts';
import type { Props } from '../../db/repositories/records.ts';
import type { ServiceContext } from '../context.ts';
import { requireRole } from '../guard.ts';
import { loadForWrite } from '../nodes/load-for-write.ts';

export async function setIdentity(ctx: ServiceContext, residentId: string, input: Record<string, unknown>): Promise<Props> {
  requireRole(mayWriteIdentity(ctx.principal), ctx.principal, 'set identifying details');
  const props: Props = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) props[k] = v as Props[string];
  return ctx.db.write(async (tx) => {
    await loadForWrite(ctx, tx, 'Resident', residentId, ['residentId']);
    return (await save(tx, residentId, props, ctx.now()))!;
  });
}
