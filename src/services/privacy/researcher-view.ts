/**
 * What a RESEARCHER's requests and answers are translated through, so that no real resident id
 * reaches a researcher (src/domain/pseudonymise-policy.ts, "Resident ids"): a researcher knows a
 * resident only by its pseudonym `R-…` — HMAC-SHA256 of the id under the deployment's secret, the
 * value researchQuery returns for `r.id` and the API for `displayName` — and sends that pseudonym
 * where the API takes a resident's id.
 *
 * - In: a pseudonym becomes the id it stands for; a real resident id (of any community) becomes a
 *   stand-in no node has, so it answers exactly as an id that does not exist — otherwise a researcher
 *   could test guessed ids. An HMAC cannot be reversed, so the pseudonyms of the researcher's
 *   communities are kept in a map (cached like the projections: a write of this process invalidates
 *   it, and it ages out with the analytics cache).
 * - Out: every resident id becomes its pseudonym. Which strings are resident ids is asked of the
 *   database for whatever the cached map does not know, so a resident written by another process (an
 *   import) since the map was built is pseudonymised all the same.
 *
 * The names of individual partners are replaced inside other texts as the pseudonymised export does
 * (./individual-names.ts), under the server's secret.
 */
import { randomBytes } from 'node:crypto';
import { seesAll } from '../../domain/permissions.ts';
import { isId } from '../../domain/ids.ts';
import { listCommunityIds } from '../../db/research.ts';
import { streamResidentIds } from '../../db/repositories/privacy.ts';
import { findIds } from '../../db/repositories/import.ts';
import type { ServiceContext } from '../context.ts';
import { projectionCache } from '../cultivation/cache.ts';
import { pseudonym } from '../shape.ts';
import { individualPartners, nameScrubber } from './individual-names.ts';

/** One community's residents and individual partners, as a researcher's translation needs them. */
interface CommunityIndex {
  /** pseudonym → resident id */
  byPseudonym: Map<string, string>;
  residents: Set<string>;
  /** individual partner's name → partner id */
  individuals: Map<string, string>;
}

const LOOKUP_BATCH = 1000;

const indexes = projectionCache<CommunityIndex>();
const communityLists = projectionCache<string[]>();
/**
 * Strings the database said are no resident's id (an organisation's id, a name, a term), kept like the
 * map — a write of this process drops them — so that the same answer does not ask again. Only a
 * resident written by another process with an id that was already answered as something else would
 * be missed, until the entry ages out.
 */
const notResidents = projectionCache<Set<string>>();
const MAX_NOT_RESIDENTS = 200_000;

async function loadIndex(ctx: ServiceContext, communityId: string): Promise<CommunityIndex> {
  const byPseudonym = new Map<string, string>();
  const residents = new Set<string>();
  await streamResidentIds(ctx.db, communityId, (ids) => {
    for (const id of ids) {
      residents.add(id);
      byPseudonym.set(pseudonym(id, ctx.pseudonymSecret), id);
    }
  });
  return { byPseudonym, residents, individuals: await individualPartners(ctx.db, communityId) };
}

function merged(parts: readonly CommunityIndex[]): CommunityIndex {
  if (parts.length === 1) return parts[0]!;
  const index: CommunityIndex = { byPseudonym: new Map(), residents: new Set(), individuals: new Map() };
  for (const part of parts) {
    for (const [p, id] of part.byPseudonym) index.byPseudonym.set(p, id);
    for (const id of part.residents) index.residents.add(id);
    for (const [name, id] of part.individuals) index.individuals.set(name, id);
  }
  return index;
}

/** Characters that may end or start a token of prose without being part of the id written there ("r-1."). */
const EDGE = /^[.:_-]+|[.:_-]+$/g;

/** The ways a run of id characters in a text may hold an id: as it is, or without punctuation at its ends. */
export function idForms(token: string): string[] {
  const trimmed = token.replace(EDGE, '');
  return trimmed === token || trimmed === '' ? [token] : [token, trimmed];
}

/** Runs of id characters (src/domain/ids.ts) in a text. */
export const ID_RUNS = /[\p{L}\p{N}_.:-]+/gu;

export class ResearcherView {
  private readonly standIns = new Map<string, string>();
  private readonly restore = new Map<string, string>();
  private readonly found = new Set<string>();

  private constructor(private readonly ctx: ServiceContext, private readonly index: CommunityIndex, private readonly checked: Set<string>) {}

  /** The view over the caller's communities (every community for a `*` token). */
  static async open(ctx: ServiceContext): Promise<ResearcherView> {
    const communities = seesAll(ctx.principal) ? await communityLists(ctx, '*', () => listCommunityIds(ctx.db)) : ctx.principal.communities;
    // One entry per scope, so that a token of many communities does not merge their maps on every request.
    const index = await indexes(ctx, `researcher-view|${[...communities].sort().join('\u0000')}`, async () => merged(await Promise.all(communities.map((c) => loadIndex(ctx, c)))));
    const checked = await notResidents(ctx, 'not-residents', async () => new Set<string>());
    return new ResearcherView(ctx, index, checked);
  }

  pseudonymOf(id: string): string {
    return pseudonym(id, this.ctx.pseudonymSecret);
  }

  /** The resident id a pseudonym of the caller's communities stands for. */
  idOf(value: string): string | undefined {
    return this.index.byPseudonym.get(value);
  }

  /**
   * Asks the database which of these strings are resident ids, for those the cached map does not
   * know; afterwards `isResident` answers for all of them.
   */
  async lookUp(candidates: Iterable<string>): Promise<void> {
    const unknown = [...new Set(candidates)].filter((c) => isId(c) && !this.index.residents.has(c) && !this.index.byPseudonym.has(c) && !this.found.has(c) && !this.checked.has(c));
    for (let i = 0; i < unknown.length; i += LOOKUP_BATCH) {
      const ids = unknown.slice(i, i + LOOKUP_BATCH);
      const existing = await this.ctx.db.read((tx) => findIds(tx, 'Resident', ids));
      if (this.checked.size + ids.length > MAX_NOT_RESIDENTS) this.checked.clear();
      for (const id of ids) {
        if (existing.has(id)) this.found.add(id);
        else this.checked.add(id);
      }
    }
  }

  isResident(value: string): boolean {
    return this.index.residents.has(value) || this.found.has(value);
  }

  /**
   * What a real resident id sent by a researcher is replaced with: an id of the same length (at
   * least 16 characters, so that no node has it), lower-case letters and digits, which every id
   * check accepts as it accepts the real one; the answer then shows the id as sent (`sentAs`).
   */
  standInFor(id: string): string {
    let standIn = this.standIns.get(id);
    if (!standIn) {
      const length = Math.min(200, Math.max(16, id.length));
      standIn = '';
      while (standIn.length < length) standIn += BigInt(`0x${randomBytes(16).toString('hex')}`).toString(36);
      standIn = standIn.slice(0, length);
      this.standIns.set(id, standIn);
      this.restore.set(standIn, id);
    }
    return standIn;
  }

  /** The id a stand-in replaced, when the value is one. */
  sentAs(value: string): string | undefined {
    return this.restore.get(value);
  }

  get hasStandIns(): boolean {
    return this.restore.size > 0;
  }

  /** Replaces individual partners' names in texts, except names the caller wrote (`written`). */
  nameScrubber(written: (name: string) => boolean): (text: string) => string {
    return nameScrubber(this.index.individuals, this.ctx.pseudonymSecret, written);
  }
}
