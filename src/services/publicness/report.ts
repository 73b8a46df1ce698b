/**
 * What the evaluator's HTML report shows (src/report/), gathered through the same use cases as the
 * GraphQL queries publicness, reweavingReport and partnerPublicness — so the report's numbers are the
 * API's, and a RESEARCHER caller gets the same pseudonyms in it.
 */
import { getNodes } from '../../db/repositories/nodes.ts';
import { notFound } from '../../domain/errors.ts';
import { seesPseudonymsOnly } from '../../domain/permissions.ts';
import type { ServiceContext } from '../context.ts';
import { communityPublicness, type PublicnessOutcome } from './community.ts';
import { DEFAULT_PUBLICNESS_OPTIONS, type PublicnessOptions } from './options.ts';
import { reweavingReport, type ReweavingOutcome } from './reweaving.ts';
import { partnerPublicness, type PartnerRanking } from './scope.ts';

export interface ReportData {
  communityId: string;
  communityName: string;
  t0: Date;
  t1: Date;
  generatedAt: Date;
  pseudonymised: boolean;
  publicness: PublicnessOutcome;
  reweaving: ReweavingOutcome;
  partners: PartnerRanking;
}

export async function gatherReport(ctx: ServiceContext, communityId: string, t0: Date, t1: Date, options: PublicnessOptions = DEFAULT_PUBLICNESS_OPTIONS): Promise<ReportData> {
  const publicness = await communityPublicness(ctx, communityId, t0, t1, options);
  const [community] = await ctx.db.read((tx) => getNodes(tx, 'Community', [communityId]));
  if (!community) throw notFound('Community', communityId, ['communityId']);
  // One after the other: each already reads in parallel, and a command line's connection pool is
  // small — side by side they waited on it past its acquisition timeout on a loaded machine.
  const reweaving = await reweavingReport(ctx, communityId, t0, t1, options.groupBy, options.seed);
  const partners = await partnerPublicness(ctx, communityId, t0, t1);
  const pseudonymised = seesPseudonymsOnly(ctx.principal);
  return {
    communityId,
    // A community's name is not personal data: a researcher's report names it too.
    communityName: String(community.name ?? communityId),
    t0, t1, generatedAt: ctx.now(), pseudonymised, publicness, reweaving, partners,
  };
}
