/**
 * Publicness of one organisation or partner between two dates, and every partner of a community
 * ranked by it with the dynamic-exit flags (动态退出). The components are those of
 * src/analytics/publicness/scope.ts over the residents each reached; the tie network is the
 * community's, from the analytics' cache, so ranking all partners reads it once per date.
 */
import type { AbstractGraph } from 'graphology-types';
import { evaluatePublicness } from '../../analytics/publicness/composite.ts';
import { quantile } from '../../analytics/publicness/bootstrap.ts';
import { scopeUnits, tiesAmong, type ScopeObservation } from '../../analytics/publicness/scope.ts';
import { notFound } from '../../domain/errors.ts';
import { streamNodes } from '../../db/repositories/graph.ts';
import { getNodes } from '../../db/repositories/nodes.ts';
import { listProjects, listReached, sumContributions, type ScopeLabel } from '../../db/repositories/publicness.ts';
import { propsAsOf } from '../../graph/attributes.ts';
import type { ServiceContext } from '../context.ts';
import { requireScope } from '../guard.ts';
import { pseudonym } from '../shape.ts';
import { seesPseudonymsOnly } from '../../domain/permissions.ts';
import { prepareNetwork, summarise, type NetworkRequest } from '../analytics/network.ts';
import { shareRun } from '../analytics/run.ts';
import { groupingOf, type PublicnessOutcome } from './community.ts';
import { DEFAULT_PUBLICNESS_OPTIONS, weightsFor, windowBefore, type DatedWindow, type PublicnessOptions } from './options.ts';

const requestOf = (communityId: string, window: DatedWindow): NetworkRequest => ({ communityId, network: 'TIES', from: window.from, to: window.to });

/** What each organisation or partner reached in one window. */
async function observeScopes(ctx: ServiceContext, label: ScopeLabel, communityId: string, ids: readonly string[], graph: AbstractGraph, window: DatedWindow, options: PublicnessOptions): Promise<Map<string, ScopeObservation>> {
  const [reached, projects, contributions] = await Promise.all([
    listReached(ctx.db, label, communityId, ids, window),
    listProjects(ctx.db, label, communityId, ids, window),
    sumContributions(ctx.db, communityId, window),
  ]);
  const grouping = groupingOf(graph, options.groupBy, options.seed);
  const out = new Map<string, ScopeObservation>();
  for (const id of ids) {
    const mine = reached.filter((r) => r.scope === id);
    const ties = tiesAmong(graph, grouping, new Set(mine.map((r) => r.id)));
    out.set(id, {
      reached: mine.map((r) => ({ id: r.id, member: r.member, volunteered: r.volunteered, ...ties.get(r.id)! })),
      projects: projects.filter((p) => p.scope === id).map((p) => ({ id: p.id, addresses: p.addresses })),
      contributions: contributions.filter((c) => c.contributor === id).reduce((s, c) => s + c.amount, 0),
      communityResidents: graph.order,
    });
  }
  return out;
}

/** The organisation or partner, its community checked against the caller's scope. */
async function scopeNode(ctx: ServiceContext, label: ScopeLabel, id: string, path: readonly string[]) {
  const [node] = await ctx.db.read((tx) => getNodes(tx, label, [id]));
  if (!node) throw notFound(label, id, path);
  requireScope(ctx.principal, node.communityId);
  return node;
}

/** A name the caller may read: a keyed pseudonym for RESEARCHER. */
export function scopeName(ctx: ServiceContext, label: ScopeLabel, id: string, name: unknown): string {
  return seesPseudonymsOnly(ctx.principal) ? pseudonym(id, ctx.pseudonymSecret, label === 'Partner' ? 'P-' : 'O-') : String(name ?? id);
}

export async function scopePublicness(ctx: ServiceContext, label: ScopeLabel, id: string, t0: Date, t1: Date, options: PublicnessOptions): Promise<PublicnessOutcome & { scopeName: string }> {
  const node = await scopeNode(ctx, label, id, ['scope', label === 'Partner' ? 'partnerId' : 'organizationId']);
  const { communityId } = node;
  const w0 = windowBefore(t0, options.lookbackDays);
  const w1 = windowBefore(t1, options.lookbackDays);
  const prepared0 = await prepareNetwork(ctx, requestOf(communityId, w0), ['scope']);
  const prepared = await prepareNetwork(ctx, requestOf(communityId, w1), ['scope']);
  const outcome = await shareRun(ctx, `publicness-${label}`, prepared, { id, t0: t0.toISOString(), options }, async (run) => {
    const started = performance.now();
    // Both windows in one read of the database (the t1 window and the t0 window before it).
    const [g1, g0] = await run.graphs(requestOf(communityId, w0));
    const [o0, o1] = await Promise.all([observeScopes(ctx, label, communityId, [id], g0, w0, options), observeScopes(ctx, label, communityId, [id], g1, w1, options)]);
    const s0 = o0.get(id)!;
    const s1 = o1.get(id)!;
    const units = scopeUnits(s0, s1, options.contributionReference);
    const evaluation = evaluatePublicness({
      ...units, weights: weightsFor(units.order, options.weights), replicates: options.replicates, permutations: options.permutations, draws: options.sensitivityDraws, seed: options.seed,
    });
    const dated = (t: Date, window: DatedWindow, p: typeof prepared, g: AbstractGraph, s: ScopeObservation) => ({
      at: t, window, network: summarise(p, g), residents: s.reached.length, organisations: 0,
    });
    const d0 = dated(t0, w0, prepared0, g0, s0);
    const d1 = dated(t1, w1, prepared, g1, s1);
    const empty = evaluation.index.t0 === null || evaluation.index.t1 === null;
    const noData = ([['t0', d0], ['t1', d1]] as const).filter(([, d]) => d.network.empty).map(([n, d]) => `${n}: ${d.network.message}`);
    const message = !empty ? null : noData.length > 0 ? noData.join('; ') : 'No data for the index at a date: it reached no resident and has no project or contribution in a window / 某一时点没有可计算指数的数据（未触达居民，也没有项目或捐赠）';
    return {
      ...evaluation, scope: { kind: label === 'Partner' ? 'PARTNER' as const : 'ORGANIZATION' as const, id, communityId }, t0: d0, t1: d1,
      pairedUnits: units.counts.reachedBoth, options, empty, message, seconds: (performance.now() - started) / 1000,
    };
  });
  return { ...outcome, scopeName: scopeName(ctx, label, id, node.name) };
}

export type ExitReason = 'LOWEST_DECILE' | 'NO_RESIDENT_REACHED';

export interface PartnerRanking {
  communityId: string;
  t0: Date;
  t1: Date;
  partners: {
    rank: number; partnerId: string; name: string; status: string | null; t0: number | null; t1: number | null; delta: number | null;
    residentsReached: number; exitFlag: boolean; exitReasons: ExitReason[];
  }[];
  lowestDecileT0: number | null;
  lowestDecileT1: number | null;
  seconds: number;
}

/** Partners of the community present at t, with their lifecycle status as it was then. */
async function partnersAt(ctx: ServiceContext, communityId: string, t: Date): Promise<{ id: string; name: string; status: string | null }[]> {
  const out: { id: string; name: string; status: string | null }[] = [];
  const when = { from: null, to: null, asOf: t.getTime() };
  await streamNodes(ctx.db, communityId, 'Partner', { from: null, to: null, asOf: t }, (rows) => {
    for (const row of rows) {
      const props = propsAsOf(row.props, row.changes, when);
      out.push({ id: row.id, name: String(props.name ?? row.id), status: typeof props.status === 'string' ? props.status : null });
    }
  });
  return out;
}

/**
 * Every partner present at t1 ranked by its index at t1 (equal weights, default options; no
 * resampling — a ranking, not a test). Flagged for dynamic exit, when not already EXITED: ACTIVE at
 * t1 and at or below the lowest decile of the partners' index at both dates, or reaching no resident
 * in the 365 days before t1.
 */
export async function partnerPublicness(ctx: ServiceContext, communityId: string, t0: Date, t1: Date): Promise<PartnerRanking> {
  const options = DEFAULT_PUBLICNESS_OPTIONS;
  const w0 = windowBefore(t0, options.lookbackDays);
  const w1 = windowBefore(t1, options.lookbackDays);
  // The run is shared between callers: names are shaped for this caller after it.
  const prepared = await prepareNetwork(ctx, requestOf(communityId, w1), []);
  const ranking = await shareRun(ctx, 'partner-publicness', prepared, { t0: t0.toISOString() }, async (run) => {
    const started = performance.now();
    // Both windows in one read of the database (the t1 window and the t0 window before it).
    const [g1, g0] = await run.graphs(requestOf(communityId, w0));
    const partners = await partnersAt(ctx, communityId, t1);
    const ids = partners.map((p) => p.id);
    const [o0, o1] = await Promise.all([observeScopes(ctx, 'Partner', communityId, ids, g0, w0, options), observeScopes(ctx, 'Partner', communityId, ids, g1, w1, options)]);
    const scored = partners.map((p) => {
      const units = scopeUnits(o0.get(p.id)!, o1.get(p.id)!, options.contributionReference);
      const e = evaluatePublicness({ ...units, weights: weightsFor(units.order, null), replicates: 0, permutations: 0, draws: 0, seed: options.seed });
      return { ...p, t0: e.index.t0, t1: e.index.t1, delta: e.index.delta, residentsReached: o1.get(p.id)!.reached.length };
    });
    const cut = (values: (number | null)[]) => quantile(values.filter((v): v is number => v !== null), 0.1);
    const q0 = cut(scored.map((s) => s.t0));
    const q1 = cut(scored.map((s) => s.t1));
    const ranked = [...scored].sort((a, b) => (b.t1 ?? -Infinity) - (a.t1 ?? -Infinity) || (a.id < b.id ? -1 : 1));
    return {
      communityId, t0, t1,
      partners: ranked.map((p, i) => {
        const reasons: ExitReason[] = [];
        if (p.status === 'ACTIVE' && q0 !== null && q1 !== null && p.t0 !== null && p.t1 !== null && p.t0 <= q0 && p.t1 <= q1) reasons.push('LOWEST_DECILE');
        if (p.status !== 'EXITED' && p.residentsReached === 0) reasons.push('NO_RESIDENT_REACHED');
        return {
          rank: i + 1, partnerId: p.id, name: p.name, status: p.status, t0: p.t0, t1: p.t1, delta: p.delta,
          residentsReached: p.residentsReached, exitFlag: reasons.length > 0, exitReasons: reasons,
        };
      }),
      lowestDecileT0: q0, lowestDecileT1: q1, seconds: (performance.now() - started) / 1000,
    };
  });
  return { ...ranking, partners: ranking.partners.map((p) => ({ ...p, name: scopeName(ctx, 'Partner', p.partnerId, p.name) })) };
}
