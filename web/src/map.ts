/**
 * The network map: the residents' tie network of one community as it stood on a date, drawn by
 * sigma.js from a graphology graph and laid out by ForceAtlas2 (Jacomy et al. 2014, PLoS ONE 9(6):
 * e98679) in a web worker, so the page keeps answering while it settles. The network's whole history
 * comes in one answer (tieTimeline, timeline.ts); a date of the slider is a filter of it, applied to
 * the drawn graph as a difference (ties and residents added and removed), with no request, no new
 * layout and residents where they were, so moving the slider shows ties appearing and going.
 *
 * A large community (more than COLLAPSE_ABOVE residents at some time) is drawn collapsed, one node
 * per housing area, from the history collapsed on the server (groupTimeline, groups.ts): the page
 * never holds its every resident and tie. A click on an area fetches that area's timeline alone
 * (tieTimeline with housingArea) and draws its residents; the slider works on both the same way.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import { gql } from './api.ts';
import { GroupTimeline, type GroupsAt } from './groups.ts';
import { analyticsTerm, t, term, terms, type WordKey } from './i18n.ts';
import { residentPanel } from './panel.ts';
import { Timeline } from './timeline.ts';
import { allPages, el, showError, timed, type Page } from './ui.ts';

/**
 * Past this many residents a node per resident would stall the page: draw one node per housing area.
 * `?collapseAbove=N` in the page's address sets another (a slower machine; the browser test opens the
 * collapsed map of the small demo with it).
 */
export const COLLAPSE_ABOVE = collapseThreshold(typeof location === 'undefined' ? '' : location.search);

function collapseThreshold(search: string): number {
  const asked = Number(new URLSearchParams(search).get('collapseAbove'));
  return Number.isInteger(asked) && asked > 0 ? asked : 10_000;
}
const LAYOUT_MS = 2500;
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const DAY = 86_400_000;
const DETACHED = new Graph({ type: 'undirected' });

type ColourBy = 'housingType' | 'cultivationStage' | 'partyMember' | 'detected';
type SizeBy = 'none' | 'DEGREE' | 'STRENGTH' | 'PAGERANK' | 'BETWEENNESS' | 'EIGENVECTOR';

const CENTRALITY = `query Size($network: NetworkInput!, $measure: CentralityMeasure!, $after: String) {
  centrality(network: $network, measure: $measure) { scores(first: 1000, after: $after) {
    edges { node { nodeId score } } pageInfo { hasNextPage endCursor } } }
}`;
const DETECTION = `query Detect($network: NetworkInput!, $after: String) {
  communityDetection(network: $network) { assignments(first: 1000, after: $after) {
    edges { node { nodeId group } } pageInfo { hasNextPage endCursor } } }
}`;

/** A stable pseudo-random start position from the node's id, so the first layout is repeatable. */
function seeded(id: string): [number, number] {
  let h = 2166136261;
  for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  const a = ((h >>> 0) % 10_000) / 10_000;
  const b = ((Math.imul(h, 2654435761) >>> 0) % 10_000) / 10_000;
  return [a * 100 - 50, b * 100 - 50];
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export class NetworkMap {
  readonly root: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly counts: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly dateLabel: HTMLElement;
  private readonly colour: HTMLSelectElement;
  private readonly size: HTMLSelectElement;
  private readonly search: HTMLInputElement;
  private readonly names: HTMLDataListElement;
  private readonly note: HTMLElement;
  private readonly graph = new Graph({ type: 'undirected', allowSelfLoops: true });
  private renderer: Sigma | undefined;
  private layout: FA2Layout | undefined;
  private layoutTimer: number | undefined;
  private readonly positions = new Map<string, [number, number]>();
  /** The history the residents are drawn from: the community's, or (a large one's drill-down) one area's. */
  private timeline: Timeline | undefined;
  /** What `timeline` covers: null the whole community, else a housing area; undefined while there is none. */
  private timelineArea: string | null | undefined;
  private fetching: { area: string | null; timeline: Promise<Timeline> } | undefined;
  /** A large community's history collapsed by housing area; undefined for a small one. */
  private groups: GroupTimeline | undefined;
  private groupsNow: GroupsAt | undefined;
  /** What the slider's date shows: residents and ties in force, as indices into the timeline. */
  private shownNow: { residents: number[]; ties: number[] } = { residents: [], ties: [] };
  private drillArea: string | undefined;
  private frame: number | undefined;
  private highlighted: string | undefined;
  private communityId = '';
  private start = 0;
  private drawn = 0;
  private detected = new Map<string, number>();
  private scores = new Map<string, number>();

  constructor() {
    this.slider = el('input', { type: 'range', min: '0', max: '0', step: '1', 'data-testid': 'slider', 'aria-label': 'date' }) as HTMLInputElement;
    this.dateLabel = el('output', { 'data-testid': 'as-of' });
    this.colour = el('select', { 'data-testid': 'colour-by' }) as HTMLSelectElement;
    this.size = el('select', { 'data-testid': 'size-by' }) as HTMLSelectElement;
    this.search = el('input', { type: 'search', list: 'resident-names', 'data-testid': 'search' }) as HTMLInputElement;
    this.names = el('datalist', { id: 'resident-names' }) as HTMLDataListElement;
    this.counts = el('span', { 'data-testid': 'map-counts', class: 'counts' });
    this.note = el('p', { class: 'note', 'data-testid': 'map-note' });
    this.stage = el('div', { class: 'sigma', 'data-testid': 'map-canvas' });
    this.panel = el('aside', { class: 'panel', 'data-testid': 'resident-panel', hidden: '' });
    this.root = el('section', { class: 'map' });
    this.root.append(
      el('div', { class: 'controls' }, [
        el('label', {}, [el('span', { 'data-word': 'asOf' }), this.slider, this.dateLabel]),
        el('label', {}, [el('span', { 'data-word': 'colourBy' }), this.colour]),
        el('label', {}, [el('span', { 'data-word': 'sizeBy' }), this.size]),
        el('label', {}, [el('span', { 'data-word': 'search' }), this.search, this.names]),
        this.counts,
      ]),
      this.note,
      el('div', { class: 'map-body' }, [this.stage, this.panel]),
    );
    // A step is a filter of data already here, so the map follows the slider as it moves (one draw
    // per animation frame at most) and once more when it is let go.
    this.slider.addEventListener('input', () => {
      this.dateLabel.textContent = this.dayOf(Number(this.slider.value));
      if (this.frame !== undefined) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = undefined;
        void this.draw();
      });
    });
    this.slider.addEventListener('change', () => void this.draw());
    this.colour.addEventListener('change', () => void this.recolour());
    this.size.addEventListener('change', () => void this.resize());
    this.search.addEventListener('change', () => this.find(this.search.value));
    this.relabel();
  }

  relabel(): void {
    this.root.querySelectorAll<HTMLElement>('[data-word]').forEach((node) => (node.textContent = t(node.dataset.word as WordKey)));
    const colourNow = this.colour.value || 'housingType';
    this.colour.replaceChildren(
      ...(['housingType', 'cultivationStage', 'partyMember', 'detected'] as const).map((v) =>
        el('option', { value: v }, [v === 'housingType' ? analyticsTerm('GroupingAttribute', 'HOUSING_TYPE') : v === 'cultivationStage' ? analyticsTerm('GroupingAttribute', 'CULTIVATION_STAGE') : v === 'partyMember' ? analyticsTerm('GroupingAttribute', 'PARTY_MEMBERSHIP') : t('detected')]),
      ),
    );
    this.colour.value = colourNow;
    const sizeNow = this.size.value || 'DEGREE';
    this.size.replaceChildren(
      el('option', { value: 'none' }, ['—']),
      ...(['DEGREE', 'STRENGTH', 'PAGERANK', 'BETWEENNESS', 'EIGENVECTOR'] as const).map((m) => el('option', { value: m }, [analyticsTerm('CentralityMeasure', m)])),
    );
    this.size.value = sizeNow;
    this.showCounts();
    if (this.renderer) void this.recolour();
  }

  private dayOf(index: number): string {
    return isoDay(this.start + index * DAY);
  }

  /** The instant the network is read at: the end of the chosen day. */
  private asOf(): string {
    return new Date(this.start + (Number(this.slider.value) + 1) * DAY).toISOString();
  }

  private network() {
    return { communityId: this.communityId, asOf: this.asOf() };
  }

  async open(communityId: string, { keepPositions = false } = {}): Promise<void> {
    if (!keepPositions || communityId !== this.communityId) {
      this.positions.clear();
      this.drillArea = undefined;
      this.stopLayout();
      this.graph.clear();
    }
    this.communityId = communityId;
    this.timeline = undefined;
    this.timelineArea = undefined;
    this.fetching = undefined;
    this.groups = undefined;
    const drawId = ++this.drawn;
    this.loading(drawId);
    try {
      // The collapsed history is small: it tells whether the community is large before anything big is asked for.
      const { value: groups, ms: groupsMs } = await timed(() => GroupTimeline.fetch(communityId));
      if (drawId !== this.drawn) return;
      let fetched: Record<string, number>;
      if (groups.peakResidents > COLLAPSE_ABOVE) {
        this.groups = groups;
        fetched = { ms: Math.round(groupsMs), server: groups.seconds, groups: groups.groupCount, residents: groups.peakResidents };
      } else {
        const { value: timeline, ms } = await timed(() => this.timelineFor(null));
        if (drawId !== this.drawn) return;
        fetched = { ms: Math.round(groupsMs + ms), groupsMs: Math.round(groupsMs), server: timeline.seconds, residents: timeline.residents.length, ties: timeline.a.length };
      }
      const from = groups.dataFrom ? Date.parse(groups.dataFrom.slice(0, 10)) : Date.now();
      const to = groups.dataTo ? Date.parse(groups.dataTo.slice(0, 10)) : Date.now();
      this.start = from;
      const days = Math.max(0, Math.round((to - from) / DAY));
      this.slider.max = String(days);
      this.slider.value = String(days);
      this.dateLabel.textContent = this.dayOf(days);
      this.root.dataset.fetch = JSON.stringify(fetched);
      await this.draw();
    } catch (error) {
      this.failed(error);
    }
  }

  private loading(drawId: number): void {
    this.note.textContent = t('loading');
    this.note.dataset.state = 'loading';
    this.root.dataset.state = 'loading';
    this.root.dataset.draw = String(drawId);
  }

  private failed(error: unknown): void {
    this.root.dataset.state = 'error';
    this.note.textContent = '';
    showError(error);
  }

  /** The timeline of the community (area null) or of one area, fetched once for as long as it is shown. */
  private async timelineFor(area: string | null): Promise<Timeline> {
    if (this.timeline && this.timelineArea === area) return this.timeline;
    if (this.fetching?.area !== area) {
      const fetching = { area, timeline: Timeline.fetch(this.communityId, area) };
      this.fetching = fetching;
      fetching.timeline.then(
        (timeline) => {
          if (this.fetching !== fetching) return;
          this.timeline = timeline;
          this.timelineArea = area;
          this.fetching = undefined;
        },
        () => {
          if (this.fetching === fetching) this.fetching = undefined;
        },
      );
    }
    return this.fetching!.timeline;
  }

  /** Shows the network as of the slider's date: a filter of the timeline, applied as a difference. */
  async draw(): Promise<void> {
    if (!this.timeline && !this.groups) return;
    const drawId = ++this.drawn;
    this.loading(drawId);
    this.root.dataset.asOf = this.asOf();
    try {
      const started = performance.now();
      const t = Date.parse(this.asOf());
      this.groupsNow = this.groups?.at(t);
      if (this.areas()) this.shownNow = { residents: [], ties: [] };
      else {
        // A large community's drill-down draws one area's residents; at a date it has few residents, all of them.
        const area = this.groups ? (this.collapsed() ? this.drillArea! : null) : null;
        const fetchStarted = performance.now();
        const timeline = await this.timelineFor(area);
        if (drawId !== this.drawn) return;
        if (performance.now() - fetchStarted > 1) this.root.dataset.drillFetch = JSON.stringify({ ms: Math.round(performance.now() - fetchStarted), server: timeline.seconds, residents: timeline.residents.length, ties: timeline.a.length });
        this.shownNow = timeline.at(t);
      }
      const filtered = performance.now();
      this.detected.clear();
      this.scores.clear();
      // Colours and sizes that need no request are set in fill, before the renderer sees the graph:
      // it then draws once (setGraph renders at once), not once more for every attribute changed.
      const local = this.fill();
      if (this.colour.value === 'detected') await this.recolour();
      if (!local.sizes) await this.resize();
      if (drawId !== this.drawn) return;
      this.root.dataset.state = 'drawn';
      // Where a draw's time goes, for the browser test's printed timings.
      this.root.dataset.timing = JSON.stringify({ filter: Math.round(filtered - started), apply: Math.round(performance.now() - filtered) });
      this.note.dataset.state = 'drawn';
      this.showNote();
    } catch (error) {
      this.failed(error);
    }
  }

  /** A large community at the slider's date: drawn by area, or one area at a time. */
  private collapsed(): boolean {
    return (this.groupsNow?.residents ?? 0) > COLLAPSE_ABOVE;
  }

  private areas(): boolean {
    return this.collapsed() && this.drillArea === undefined;
  }

  private showNote(): void {
    if (!this.collapsed()) {
      this.note.textContent = '';
    } else if (this.drillArea === undefined) {
      this.note.textContent = t('collapsed');
    } else {
      const back = el('button', { type: 'button', 'data-testid': 'back-to-areas' }, [t('backToAreas')]);
      back.addEventListener('click', () => {
        this.drillArea = undefined;
        void this.draw();
      });
      this.note.replaceChildren(back);
    }
  }

  /**
   * Puts the residents (or, collapsed, the housing areas) in force at the date into the graph. Between
   * two dates of one view only the difference is applied, and the layout runs only when the graph
   * was empty (a new community, a drill-down): a slider step moves nothing that stays.
   */
  private fill(): { sizes: boolean } {
    const areas = this.areas();
    const mode = areas ? 'areas' : `residents:${this.timelineArea ?? ''}`;
    this.stopLayout();
    // sigma re-indexes the whole graph on every dropped edge or node: apply the difference with the
    // renderer looking at an empty graph, and index once when it looks back.
    this.renderer?.setGraph(DETACHED);
    if (this.graph.getAttribute('mode') !== mode) {
      this.graph.clear();
      this.graph.setAttribute('mode', mode);
      // A new view (an area opened, or the areas again) is shown whole, wherever the camera was.
      this.renderer?.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    }
    const wasEmpty = this.graph.order === 0;
    if (areas) this.fillAreas();
    else {
      // The timeline is the drawn scope's (the community, or the area drilled into): every tie in force joins two residents drawn.
      const timeline = this.timeline!;
      const { residents, ties } = this.shownNow;
      const wanted = new Set(residents.map((i) => timeline.residents[i]!.id));
      const wantedTies = new Set(ties.map((k) => `t${k}`));
      this.graph.forEachEdge((edge) => {
        if (!wantedTies.has(edge)) this.graph.dropEdge(edge);
      });
      this.graph.forEachNode((node) => {
        if (!wanted.has(node)) this.graph.dropNode(node);
      });
      const fresh: string[] = [];
      for (const i of residents) {
        const r = timeline.residents[i]!;
        if (this.graph.hasNode(r.id)) continue;
        const [x, y] = this.positions.get(r.id) ?? seeded(r.id);
        this.graph.addNode(r.id, { ...r, kind: 'resident', x, y, size: 3 });
        if (!this.positions.has(r.id)) fresh.push(r.id);
      }
      for (const k of ties) {
        const key = `t${k}`;
        if (this.graph.hasEdge(key)) continue;
        const weight = timeline.weight[k]!;
        this.graph.addEdgeWithKey(key, timeline.residents[timeline.a[k]!]!.id, timeline.residents[timeline.b[k]!]!.id, { weight, size: 0.3 + Math.min(weight, 4) * 0.3, color: '#c9ced6' });
      }
      // A resident never laid out starts beside the neighbours already placed, not at a random spot.
      if (!wasEmpty) for (const node of fresh) this.placeNearNeighbours(node);
    }
    this.names.replaceChildren(...this.graph.mapNodes((_, a) => el('option', { value: String(a.label) })));
    this.showCounts();
    this.paint();
    const sizes = this.sizeFromGraph();
    this.renderer?.setGraph(this.graph);
    this.ensureRenderer();
    if (wasEmpty) this.startLayout();
    return { sizes };
  }

  private placeNearNeighbours(node: string): void {
    let x = 0;
    let y = 0;
    let n = 0;
    this.graph.forEachNeighbor(node, (other) => {
      const at = this.positions.get(other);
      if (!at) return;
      x += at[0];
      y += at[1];
      n += 1;
    });
    if (n === 0) return;
    const [dx, dy] = seeded(node);
    this.graph.mergeNodeAttributes(node, { x: x / n + dx / 50, y: y / n + dy / 50 });
  }

  /**
   * One node per housing area (its size the number of residents), one edge per pair of areas tied. An
   * area is named as its residents' labels name it (for a researcher the area's pseudonym).
   */
  private fillAreas(): void {
    const { groups, edges } = this.groupsNow!;
    this.graph.clear();
    this.graph.setAttribute('mode', 'areas');
    for (const g of groups) {
      const key = `area:${g.key}`;
      const [x, y] = this.positions.get(key) ?? seeded(key);
      this.graph.addNode(key, { kind: 'area', area: g.key, label: `${g.label} (${g.residents})`, residents: g.residents, housingType: g.housingType, x, y, size: 4 + Math.sqrt(g.residents) / 3 });
    }
    for (const e of edges) {
      this.graph.addEdge(`area:${groups[e.source]!.key}`, `area:${groups[e.target]!.key}`, { weight: e.ties, size: 0.5 + Math.log1p(e.ties), color: '#c9ced6' });
    }
  }

  private showCounts(): void {
    const residents = this.graph.reduceNodes((sum, _, a) => sum + (a.kind === 'area' ? Number(a.residents) : 1), 0);
    const areas = this.areas() && this.groupsNow !== undefined;
    this.counts.dataset.nodes = String(areas ? this.groupsNow!.residents : this.shownNow.residents.length);
    this.counts.dataset.edges = String(areas ? this.groupsNow!.ties : this.shownNow.ties.length);
    this.counts.dataset.drawnEdges = String(this.graph.size);
    this.counts.textContent = `${residents.toLocaleString()} ${t('residents')} · ${this.graph.size.toLocaleString()} ${t('ties')}`;
  }

  private ensureRenderer(): void {
    if (this.renderer) return;
    this.renderer = new Sigma(this.graph, this.stage, {
      labelRenderedSizeThreshold: 8,
      // The map lives in a tab: while another tab is shown its container has no size, and a graph
      // update (a language switch recolours) must not be an error then; shown() resizes on return.
      allowInvalidContainer: true,
      defaultEdgeColor: '#c9ced6',
      zIndex: true,
      nodeReducer: (node, data) => {
        if (this.highlighted === undefined) return data;
        if (node === this.highlighted) return { ...data, highlighted: true, zIndex: 2, forceLabel: true };
        return this.graph.areNeighbors(node, this.highlighted) ? data : { ...data, color: '#e4e6ea', label: '' };
      },
    });
    this.renderer.on('clickNode', ({ node }) => void this.clicked(node));
    this.renderer.on('clickStage', () => this.select(undefined));
  }

  private startLayout(): void {
    if (this.graph.order === 0) return;
    this.layout = new FA2Layout(this.graph, { settings: { ...forceAtlas2.inferSettings(this.graph), barnesHutOptimize: this.graph.order > 500 } });
    this.layout.start();
    this.root.dataset.layout = 'running';
    this.layoutTimer = window.setTimeout(() => this.stopLayout(), LAYOUT_MS);
  }

  private stopLayout(): void {
    if (this.layoutTimer !== undefined) window.clearTimeout(this.layoutTimer);
    this.layoutTimer = undefined;
    if (!this.layout) return;
    this.layout.kill();
    this.layout = undefined;
    this.graph.forEachNode((node, a) => this.positions.set(node, [Number(a.x), Number(a.y)]));
    this.root.dataset.layout = 'done';
  }

  private async recolour(): Promise<void> {
    const by = this.colour.value as ColourBy;
    if (by === 'detected' && this.detected.size === 0 && this.graph.order > 0 && !this.collapsed()) {
      const rows = await allPages<{ nodeId: string; group: number }>(async (after) =>
        (await gql<{ communityDetection: { assignments: Page<{ nodeId: string; group: number }> } }>(DETECTION, { network: this.network(), after })).communityDetection.assignments);
      this.detected = new Map(rows.map((r) => [r.nodeId, r.group]));
    }
    this.paint();
  }

  /** Colours the nodes by the chosen attribute with what is at hand (the detected groups once fetched). */
  private paint(): void {
    const by = this.colour.value as ColourBy;
    const values = by === 'housingType' ? terms('HousingType') : by === 'cultivationStage' ? terms('CultivationStage') : [];
    this.graph.forEachNode((node, a) => {
      let index: number;
      if (by === 'partyMember') index = a.partyMember === true ? 2 : a.partyMember === false ? 0 : 9;
      else if (by === 'detected') index = (this.detected.get(node) ?? 9) % PALETTE.length;
      else {
        const value = a[by] as string | undefined;
        index = value === undefined || value === null ? 9 : Math.max(0, values.indexOf(value));
      }
      this.graph.setNodeAttribute(node, 'color', PALETTE[index] ?? PALETTE[9]);
    });
    this.legend(by, values);
  }

  private legend(by: ColourBy, values: string[]): void {
    const entries: [string, string][] =
      by === 'partyMember' ? [[PALETTE[2]!, t('partyMember')], [PALETTE[0]!, t('notPartyMember')]]
        : by === 'detected' ? [[PALETTE[0]!, `${new Set(this.detected.values()).size} ${t('group')}`]]
          : values.map((v, i) => [PALETTE[i] ?? PALETTE[9]!, term(by === 'housingType' ? 'HousingType' : 'CultivationStage', v)]);
    let box = this.root.querySelector<HTMLElement>('.legend');
    if (!box) {
      box = el('ul', { class: 'legend', 'data-testid': 'legend' });
      this.note.after(box);
    }
    box.replaceChildren(...entries.map(([colour, label]) => el('li', {}, [el('span', { class: 'swatch', style: `background:${colour}` }), label])));
  }

  /** The map's tab is shown again: its container has a size once more. */
  shown(): void {
    this.renderer?.resize();
    this.renderer?.refresh();
  }

  /** Sizes the nodes when that needs no request (none, degree, strength; areas keep theirs); false when it does. */
  private sizeFromGraph(): boolean {
    const by = this.size.value as SizeBy;
    if (this.graph.order === 0 || this.graph.getNodeAttribute(this.graph.nodes()[0], 'kind') === 'area') return true;
    if (by === 'none') {
      this.graph.forEachNode((node) => this.graph.setNodeAttribute(node, 'size', 3));
      return true;
    }
    if (by !== 'DEGREE' && by !== 'STRENGTH') return false;
    // Both are read off the drawn graph itself (the export's weights): no round trip for the default.
    this.scores = new Map(this.graph.mapNodes((node) => [node, by === 'DEGREE' ? this.graph.degree(node) : this.graph.reduceEdges(node, (sum, _, a) => sum + Number(a.weight ?? 0), 0)]));
    this.size.dataset.loaded = by;
    this.applyScores();
    return true;
  }

  private async resize(): Promise<void> {
    if (this.sizeFromGraph()) return;
    const by = this.size.value as SizeBy;
    if (this.scores.size === 0 || this.size.dataset.loaded !== by) {
      const rows = await allPages<{ nodeId: string; score: number }>(async (after) =>
        (await gql<{ centrality: { scores: Page<{ nodeId: string; score: number }> } }>(CENTRALITY, { network: this.network(), measure: by, after })).centrality.scores);
      this.scores = new Map(rows.map((r) => [r.nodeId, r.score]));
      this.size.dataset.loaded = by;
    }
    this.applyScores();
  }

  private applyScores(): void {
    let max = 1e-12;
    for (const v of this.scores.values()) max = Math.max(max, v);
    this.graph.forEachNode((node) => this.graph.setNodeAttribute(node, 'size', 2 + 10 * Math.sqrt((this.scores.get(node) ?? 0) / max)));
  }

  private find(label: string): void {
    const node = this.graph.findNode((_, a) => a.label === label);
    if (!node) return;
    // An area opens in place of the areas: nothing to fly to.
    if (this.graph.getNodeAttribute(node, 'kind') === 'area') return void this.clicked(node);
    this.select(node);
    const at = this.renderer?.getNodeDisplayData(node);
    if (at) void this.renderer?.getCamera().animate({ x: at.x, y: at.y, ratio: 0.3 }, { duration: 400 });
    void this.clicked(node);
  }

  private select(node: string | undefined): void {
    this.highlighted = node;
    if (node === undefined) this.panel.hidden = true;
    this.renderer?.refresh();
  }

  private async clicked(node: string): Promise<void> {
    const attrs = this.graph.getNodeAttributes(node);
    if (attrs.kind === 'area') {
      this.drillArea = String(attrs.area);
      this.highlighted = undefined;
      const began = performance.now();
      await this.draw();
      // The page's own time for the drill-down (the area's fetch and its draw), for bench/dashboard.
      this.root.dataset.drill = String(Math.round(performance.now() - began));
      return;
    }
    this.select(node);
    this.panel.hidden = false;
    this.panel.replaceChildren(el('p', {}, [t('loading')]));
    const measure: [string, string] = [
      analyticsTerm('CentralityMeasure', this.size.value === 'none' ? 'DEGREE' : this.size.value),
      this.size.value === 'none' ? String(this.graph.degree(node)) : (this.scores.get(node) ?? 0).toPrecision(3),
    ];
    try {
      const content = await residentPanel(this.communityId, node, measure, () => this.select(undefined));
      if (!content) return void (this.panel.hidden = true);
      this.panel.replaceChildren(...content);
    } catch (error) {
      this.panel.hidden = true;
      showError(error);
    }
  }
}
