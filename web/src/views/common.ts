/**
 * What every view shares: the caption naming the network, the window and the computation's time; the
 * default window (the year up to the community's last dated record); progress of a long run read from
 * `analysisRuns` while the view's query is pending.
 */
import { gql } from '../api.ts';
import { t } from '../i18n.ts';
import { el, showError } from '../ui.ts';

export type ViewKey =
  | 'active' | 'brokers' | 'mixing' | 'funnel' | 'promotion' | 'dependence'
  | 'matching' | 'claiming' | 'timebank' | 'publicness' | 'reweaving';

export interface View {
  readonly key: ViewKey;
  render(communityId: string, context: ViewContext): Promise<HTMLElement>;
}

export interface ViewContext {
  /** The signed-in token's role: the page offers actions, the service decides (FORBIDDEN is shown). */
  readonly role: string;
  /** Redraws the map after a write that changes the network (an accepted match). */
  readonly networkChanged: () => void;
}

export interface Network {
  description: string;
  from: string | null;
  to: string | null;
  asOf: string | null;
  nodeCount: number;
  edgeCount: number;
}
export const NETWORK = 'network { description from to asOf nodeCount edgeCount }';

const day = (iso: string) => iso.slice(0, 10);

/**
 * One line under a view's title: which network (with its size) and window it read, and how long the
 * computation took — the result's own `seconds` where it has one, else the request's round trip,
 * labelled so.
 */
export function caption(network: Network | null, seconds: number, window?: { from: string; to: string }, roundTrip = false): HTMLElement {
  const span = window ?? (network?.from && network.to ? { from: network.from, to: network.to } : undefined);
  // An instant at midnight is the end of the day before it: say "as of the end of" that day.
  const endOf = (iso: string) => `${t('endOf')} ${new Date(Date.parse(iso) - 1).toISOString().slice(0, 10)}`;
  const when = span ? (span.from === span.to ? endOf(span.to) : `${day(span.from)} – ${day(span.to)}`) : network?.asOf ? endOf(network.asOf) : '—';
  const parts = [
    network ? `${t('network')}: ${network.description} (${network.nodeCount} ${t('residents')}, ${network.edgeCount} ${t('ties')})` : '',
    `${t('window')}: ${when}`,
    `${t(roundTrip ? 'roundTrip' : 'seconds')} ${seconds.toFixed(2)} s`,
  ].filter(Boolean);
  const attrs: Record<string, string> = { class: 'caption', 'data-testid': 'view-caption', 'data-seconds': String(seconds) };
  if (span) Object.assign(attrs, { 'data-from': span.from, 'data-to': span.to });
  return el('p', attrs, [parts.join(' · ')]);
}

const RANGE = `query Range($network: NetworkInput!) { components(network: $network) { network { dataTo } } }`;
const YEAR = 365 * 86_400_000;
const dataEnd = new Map<string, Promise<number>>();

/** The end of the day of the community's last dated record (today when it has none), asked once. */
export function lastDay(communityId: string): Promise<number> {
  let known = dataEnd.get(communityId);
  if (!known) {
    known = gql<{ components: { network: { dataTo: string | null } } }>(RANGE, { network: { communityId } }).then((r) => {
      const last = new Date(r.components.network.dataTo ? Date.parse(r.components.network.dataTo) : Date.now());
      return Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate() + 1);
    });
    known.catch(() => dataEnd.delete(communityId));
    dataEnd.set(communityId, known);
  }
  return known;
}

/** A write changed the data: the next view asks for the data's range again. */
export const forgetRange = (communityId: string) => dataEnd.delete(communityId);

/**
 * The 365 days up to the end of the community's last dated record, so a view opens on data even when
 * the data stops before today (a pinned demo, an archive).
 */
export async function lastYear(communityId: string): Promise<{ from: string; to: string }> {
  const to = await lastDay(communityId);
  return { from: new Date(to - YEAR).toISOString(), to: new Date(to).toISOString() };
}

export const label = (node: { label?: string; name?: string } | null | undefined, id: string) => node?.label ?? node?.name ?? id;

const RUNS = `{ analysisRuns { key analysis communityId phase done total fraction waiting } }`;
interface Run { key: string; analysis: string; communityId: string; phase: string; done: number; total: number; fraction: number | null; waiting: number }

/**
 * Runs `work` and, while it is pending for longer than a moment, shows the community's analyses in
 * progress (analysisRuns: phase, done of total) in a live region, polled once a second.
 */
export async function withProgress<T>(status: HTMLElement, communityId: string, work: Promise<T>): Promise<T> {
  let settled = false;
  const poll = async () => {
    while (!settled) {
      await new Promise((r) => setTimeout(r, 1000));
      if (settled) return;
      try {
        const { analysisRuns } = await gql<{ analysisRuns: Run[] }>(RUNS);
        if (settled) return;
        const mine = analysisRuns.filter((r) => r.communityId === communityId);
        status.dataset.runs = String(mine.length);
        status.textContent = mine.length === 0 ? t('loading')
          : mine.map((r) => `${r.analysis}: ${t(r.phase === 'projecting' ? 'projecting' : 'computing')}${r.fraction === null ? '' : ` ${(r.fraction * 100).toFixed(0)}% (${r.done}/${r.total})`}`).join(' · ');
      } catch {
        // Progress is a courtesy: the view's own request reports its errors.
      }
    }
  };
  status.textContent = t('loading');
  void poll();
  try {
    return await work;
  } finally {
    settled = true;
  }
}

/** A select over fixed values with their labels. */
export function choice(testid: string, labelText: string, options: [string, string][], value: string): HTMLSelectElement {
  const select = el('select', { 'data-testid': testid, 'aria-label': labelText }) as HTMLSelectElement;
  select.append(...options.map(([v, text]) => el('option', { value: v }, [text])));
  select.value = value;
  return select;
}

/**
 * A view body that (re)loads: shows progress while `build` runs, then its element; an error goes to
 * the page's alert region and leaves the body empty. Views return the body at once and let the load
 * run (`void load()`), so the progress is on the page while the query waits.
 */
export function loader(communityId: string, build: (status: HTMLElement) => Promise<HTMLElement>): { body: HTMLElement; load: () => Promise<void> } {
  const body = el('div', { class: 'view-body' });
  const load = async () => {
    const status = el('p', { role: 'status', class: 'progress', 'data-testid': 'view-progress' });
    body.replaceChildren(status);
    try {
      body.replaceChildren(await withProgress(status, communityId, build(status)));
    } catch (error) {
      body.replaceChildren();
      showError(error);
    }
  };
  return { body, load };
}
