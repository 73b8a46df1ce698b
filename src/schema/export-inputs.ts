/** zod schema of ExportNetworkInput: the network, the format and the window, paths named. */
import { z } from 'zod';
import { sources } from './analytics-inputs.ts';
import { windowRule } from './window.ts';
import { dateTime, id } from './zod-props.ts';

export const exportInput = z
  .object({
    communityId: id,
    network: z.enum(['FULL', 'TIES']),
    format: z.enum(['GRAPHML', 'GEXF', 'CSV', 'JSON']),
    from: dateTime.nullish(),
    to: dateTime.nullish(),
    asOf: dateTime.nullish(),
    pseudonymise: z.boolean().nullish(),
    salt: z.string().min(1, 'must not be empty / 不能为空').max(200).nullish(),
    sources,
  })
  .superRefine(windowRule);
