/**
 * The network map: the residents' tie network of one community as it stood on a date, drawn by
 * sigma.js from a graphology graph and laid out by ForceAtlas2 (Jacomy et al. 2014, PLoS ONE 9(6):
 * e98679) in a web worker, so the page keeps answering while it settles. The network's whole history
 * comes in one answer (tieTimeline, timeline.ts); a date of the slider is a filter of it, applied to
 * the drawn graph as a difference (ties and residents added and removed), with no request, no new
 * layout and residents where they were, so moving the slider shows ties appearing and going.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import { gql } from './api.ts';
import { collapse } from './collapse.ts';
import { analyticsTerm, t, term, terms, type WordKey } from './i18n.ts';
import { residentPanel } from './panel.ts';
import { Timeline } from './timeline.ts';
import { allPages, el, showError, timed, type Page } from './ui.ts';

/** Past this many residents a node per resident would stall the page: draw one node per housing area. */
export const COLLAPSE_ABOVE = 10_000;
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
  private timeline: Timeline | undefined;
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
    const drawId = ++this.drawn;
    this.loading(drawId);
    try {
      const { value: timeline, ms } = await timed(() => Timeline.fetch(communityId));
      if (drawId !== this.drawn) return;
      this.timeline = timeline;
      const from = timeline.dataFrom ? Date.parse(timeline.dataFrom.slice(0, 10)) : Date.now();
      const to = timeline.dataTo ? Date.parse(timeline.dataTo.slice(0, 10)) : Date.now();
      this.start = from;
      const days = Math.max(0, Math.round((to - from) / DAY));
      this.slider.max = String(days);
      this.slider.value = String(days);
      this.dateLabel.textContent = this.dayOf(days);
      this.root.dataset.fetch = JSON.stringify({ ms: Math.round(ms), server: timeline.seconds, residents: timeline.residents.length, ties: timeline.a.length });
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

  /** Shows the network as of the slider's date: a filter of the timeline, applied as a difference. */
  async draw(): Promise<void> {
    if (!this.timeline) return;
    const drawId = ++this.drawn;
    this.loading(drawId);
    this.root.dataset.asOf = this.asOf();
    try {
      const started = performance.now();
      this.shownNow = this.timeline.at(Date.parse(this.asOf()));
      const filtered = performance.now();
      this.detected.clear();
      this.scores.clear();
      this.fill();
      await this.recolour();
      await this.resize();
      if (drawId !== this.drawn) return;
      this.renderer?.refresh();
      this.root.dataset.state = 'drawn';
      // Where a draw's time goes, for the browser test's printed timings.
      this.root.dataset.timing = JSON.stringify({ filter: Math.round(filtered - started), apply: Math.round(performance.now() - filtered) });
      this.note.dataset.state = 'drawn';
      this.note.textContent = this.collapsed() && this.drillArea === undefined ? t('collapsed') : '';
    } catch (error) {
      this.failed(error);
    }
  }

  private collapsed(): boolean {
    return this.shownNow.residents.length > COLLAPSE_ABOVE;
  }

  /**
   * Puts the residents (or, collapsed, the housing areas) in force at the date into the graph. Between
   * two dates of one view only the difference is applied, and the layout runs only when the graph
   * was empty (a new community, a drill-down): a slider step moves nothing that stays.
   */
  private fill(): void {
    const timeline = this.timeline!;
    const areas = this.collapsed() && this.drillArea === undefined;
    const mode = areas ? 'areas' : `residents:${this.drillArea ?? ''}`;
    this.stopLayout();
    // sigma re-indexes the whole graph on every dropped edge or node: apply the difference with the
    // renderer looking at an empty graph, and index once when it looks back.
    this.renderer?.setGraph(DETACHED);
    if (this.graph.getAttribute('mode') !== mode) {
      this.graph.clear();
      this.graph.setAttribute('mode', mode);
    }
    const wasEmpty = this.graph.order === 0;
    if (areas) this.fillAreas();
    else {
      const residents = this.drillArea === undefined ? this.shownNow.residents : this.shownNow.residents.filter((i) => (timeline.residents[i]!.housingArea ?? '?') === this.drillArea);
      const wanted = new Set(residents.map((i) => timeline.residents[i]!.id));
      const ties = this.shownNow.ties.filter((k) => wanted.has(timeline.residents[timeline.a[k]!]!.id) && wanted.has(timeline.residents[timeline.b[k]!]!.id));
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
    this.renderer?.setGraph(this.graph);
    this.ensureRenderer();
    if (wasEmpty) this.startLayout();
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

  /** One node per housing area (its size the number of residents), one edge per pair of areas tied. */
  private fillAreas(): void {
    const timeline = this.timeline!;
    const { groups, edges } = collapse({ groupOf: (i) => timeline.residents[i]!.housingArea, residents: this.shownNow.residents, a: timeline.a, b: timeline.b, ties: this.shownNow.ties });
    this.graph.clear();
    this.graph.setAttribute('mode', 'areas');
    const types = new Map<string, string | null>();
    for (const i of this.shownNow.residents) types.set(timeline.residents[i]!.housingArea ?? '?', timeline.residents[i]!.housingType);
    for (const g of groups) {
      const key = `area:${g.key}`;
      const [x, y] = this.positions.get(key) ?? seeded(key);
      this.graph.addNode(key, { kind: 'area', area: g.key, label: `${g.key} (${g.residents})`, residents: g.residents, housingType: types.get(g.key), x, y, size: 4 + Math.sqrt(g.residents) / 3 });
    }
    for (const e of edges) {
      this.graph.addEdge(`area:${groups[e.source]!.key}`, `area:${groups[e.target]!.key}`, { weight: e.ties, size: 0.5 + Math.log1p(e.ties), color: '#c9ced6' });
    }
  }

  private showCounts(): void {
    const residents = this.graph.reduceNodes((sum, _, a) => sum + (a.kind === 'area' ? Number(a.residents) : 1), 0);
    this.counts.dataset.nodes = String(this.shownNow.residents.length);
    this.counts.dataset.edges = String(this.shownNow.ties.length);
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

  private async resize(): Promise<void> {
    const by = this.size.value as SizeBy;
    if (this.graph.order === 0 || this.graph.getNodeAttribute(this.graph.nodes()[0], 'kind') === 'area') return;
    if (by === 'none') {
      this.graph.forEachNode((node) => this.graph.setNodeAttribute(node, 'size', 3));
      return;
    }
    if (by === 'DEGREE' || by === 'STRENGTH') {
      // Both are read off the drawn graph itself (the export's weights): no round trip for the default.
      this.scores = new Map(this.graph.mapNodes((node) => [node, by === 'DEGREE' ? this.graph.degree(node) : this.graph.reduceEdges(node, (sum, _, a) => sum + Number(a.weight ?? 0), 0)]));
      this.size.dataset.loaded = by;
    } else if (this.scores.size === 0 || this.size.dataset.loaded !== by) {
      const rows = await allPages<{ nodeId: string; score: number }>(async (after) =>
        (await gql<{ centrality: { scores: Page<{ nodeId: string; score: number }> } }>(CENTRALITY, { network: this.network(), measure: by, after })).centrality.scores);
      this.scores = new Map(rows.map((r) => [r.nodeId, r.score]));
      this.size.dataset.loaded = by;
    }
    const max = Math.max(1e-12, ...this.scores.values());
    this.graph.forEachNode((node) => this.graph.setNodeAttribute(node, 'size', 2 + 10 * Math.sqrt((this.scores.get(node) ?? 0) / max)));
  }

  private find(label: string): void {
    const node = this.graph.findNode((_, a) => a.label === label);
    if (!node) return;
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
      this.fill();
      await this.recolour();
      await this.resize();
      this.note.replaceChildren(el('button', { type: 'button', 'data-testid': 'back-to-areas' }, [t('backToAreas')]));
      this.note.querySelector('button')!.addEventListener('click', () => {
        this.drillArea = undefined;
        this.fill();
        void this.recolour();
        this.note.textContent = t('collapsed');
      });
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
