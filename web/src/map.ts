/**
 * The network map: the residents' tie network of one community as it stood on a date, drawn by
 * sigma.js from a graphology graph (the export's own JSON serialisation, so the map is exactly the
 * network the analytics read) and laid out by ForceAtlas2 (Jacomy et al. 2014, PLoS ONE 9(6):
 * e98679) in a web worker, so the page keeps answering while it settles. A node keeps its position
 * from one date to the next, so moving the slider shows ties appearing and going rather than a new
 * picture each time.
 */
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import { gql } from './api.ts';
import { analyticsTerm, t, term, terms, type WordKey } from './i18n.ts';
import { allPages, el, showError, timed, type Page } from './ui.ts';

/** Past this many residents a node per resident would stall the page: draw one node per housing area. */
export const COLLAPSE_ABOVE = 10_000;
const LAYOUT_MS = 2500;
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const DAY = 86_400_000;

type ColourBy = 'housingType' | 'cultivationStage' | 'partyMember' | 'detected';
type SizeBy = 'none' | 'DEGREE' | 'STRENGTH' | 'PAGERANK' | 'BETWEENNESS' | 'EIGENVECTOR';

interface Export {
  exportNetwork: { nodeCount: number; edgeCount: number; files: { content: string }[] };
}

const EXPORT = `query Map($input: ExportInput!) {
  exportNetwork(input: $input) { nodeCount edgeCount files { content } }
}`;
const RANGE = `query Range($network: NetworkInput!) { components(network: $network) { network { dataFrom dataTo } } }`;
const CENTRALITY = `query Size($network: NetworkInput!, $measure: CentralityMeasure!, $after: String) {
  centrality(network: $network, measure: $measure) { scores(first: 1000, after: $after) {
    edges { node { nodeId score } } pageInfo { hasNextPage endCursor } } }
}`;
const DETECTION = `query Detect($network: NetworkInput!, $after: String) {
  communityDetection(network: $network) { assignments(first: 1000, after: $after) {
    edges { node { nodeId group } } pageInfo { hasNextPage endCursor } } }
}`;
const RESIDENT = `query Resident($id: ID!) {
  resident(id: $id) {
    id label housingArea housingType building partyMember cultivationStage
    memberships { role since until organization { id name } }
    history { field from to at }
  }
}`;

interface ResidentDetail {
  id: string;
  label: string;
  housingArea: string | null;
  housingType: string | null;
  building: string | null;
  partyMember: boolean | null;
  cultivationStage: string;
  memberships: { role: string; since: string | null; until: string | null; organization: { id: string; name: string } | null }[];
  history: { field: string; from: string | null; to: string; at: string }[];
}

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
  private full: SerializedGraph | undefined;
  private drillArea: string | undefined;
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
    // The slider redraws when let go (change), and shows the date while it moves (input).
    this.slider.addEventListener('input', () => (this.dateLabel.textContent = this.dayOf(Number(this.slider.value))));
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

  async open(communityId: string): Promise<void> {
    this.communityId = communityId;
    this.positions.clear();
    this.drillArea = undefined;
    const range = await gql<{ components: { network: { dataFrom: string | null; dataTo: string | null } } }>(RANGE, { network: { communityId } });
    const from = range.components.network.dataFrom ? Date.parse(range.components.network.dataFrom.slice(0, 10)) : Date.now();
    const to = range.components.network.dataTo ? Date.parse(range.components.network.dataTo.slice(0, 10)) : Date.now();
    this.start = from;
    const days = Math.max(0, Math.round((to - from) / DAY));
    this.slider.max = String(days);
    this.slider.value = String(days);
    this.dateLabel.textContent = this.dayOf(days);
    await this.draw();
  }

  async draw(): Promise<void> {
    const drawId = ++this.drawn;
    this.note.textContent = t('loading');
    this.note.dataset.state = 'loading';
    this.root.dataset.state = 'loading';
    this.root.dataset.draw = String(drawId);
    this.root.dataset.asOf = this.asOf();
    try {
      const { value: data, ms } = await timed(() => gql<Export>(EXPORT, { input: { communityId: this.communityId, network: 'TIES', format: 'JSON', asOf: this.asOf() } }));
      if (drawId !== this.drawn) return;
      const file = data.exportNetwork.files[0];
      this.full = file ? (JSON.parse(file.content) as SerializedGraph) : { nodes: [], edges: [], attributes: {}, options: {} };
      this.detected.clear();
      this.scores.clear();
      this.fill();
      await this.recolour();
      await this.resize();
      this.root.dataset.state = 'drawn';
      this.root.dataset.ms = String(Math.round(ms));
      this.note.dataset.state = 'drawn';
      this.note.textContent = this.collapsed() && this.drillArea === undefined ? t('collapsed') : '';
    } catch (error) {
      this.root.dataset.state = 'error';
      this.note.textContent = '';
      showError(error);
    }
  }

  private collapsed(): boolean {
    return (this.full?.nodes.length ?? 0) > COLLAPSE_ABOVE;
  }

  /** Puts the residents (or, collapsed, the housing areas) of the current export into the graph. */
  private fill(): void {
    const full = this.full!;
    this.stopLayout();
    this.graph.clear();
    if (this.collapsed() && this.drillArea === undefined) this.fillAreas(full);
    else {
      const keep = this.drillArea === undefined ? undefined : new Set(full.nodes.filter((n) => (n.attributes?.housingArea ?? '?') === this.drillArea).map((n) => n.key));
      for (const n of full.nodes) {
        if (keep && !keep.has(n.key)) continue;
        const [x, y] = this.positions.get(n.key) ?? seeded(n.key);
        const a = n.attributes ?? {};
        this.graph.addNode(n.key, { ...a, kind: 'resident', label: String(a.displayName ?? n.key), x, y, size: 3 });
      }
      for (const e of full.edges) {
        if (!this.graph.hasNode(e.source) || !this.graph.hasNode(e.target)) continue;
        const weight = Number(e.attributes?.weight ?? 1);
        this.graph.mergeEdge(e.source, e.target, { weight, size: 0.3 + Math.min(weight, 4) * 0.3, color: '#c9ced6' });
      }
    }
    this.names.replaceChildren(...this.graph.mapNodes((_, a) => el('option', { value: String(a.label) })));
    this.showCounts();
    this.ensureRenderer();
    this.startLayout();
  }

  /** One node per housing area (its size the number of residents), one edge per pair of areas tied. */
  private fillAreas(full: SerializedGraph): void {
    const areaOf = new Map<string, string>();
    const count = new Map<string, number>();
    const housingType = new Map<string, unknown>();
    for (const n of full.nodes) {
      const area = String(n.attributes?.housingArea ?? '?');
      areaOf.set(n.key, area);
      count.set(area, (count.get(area) ?? 0) + 1);
      housingType.set(area, n.attributes?.housingType);
    }
    for (const [area, c] of count) {
      const key = `area:${area}`;
      const [x, y] = this.positions.get(key) ?? seeded(key);
      this.graph.addNode(key, { kind: 'area', area, label: `${area} (${c})`, residents: c, housingType: housingType.get(area), x, y, size: 4 + Math.sqrt(c) / 3 });
    }
    for (const e of full.edges) {
      const s = areaOf.get(e.source);
      const d = areaOf.get(e.target);
      if (s === undefined || d === undefined || s === d) continue;
      this.graph.updateEdge(`area:${s}`, `area:${d}`, (attr) => ({ ...attr, weight: Number(attr.weight ?? 0) + 1, color: '#c9ced6' }));
    }
    this.graph.forEachEdge((edge, attr) => this.graph.setEdgeAttribute(edge, 'size', 0.5 + Math.log1p(Number(attr.weight))));
  }

  private showCounts(): void {
    const residents = this.graph.reduceNodes((sum, _, a) => sum + (a.kind === 'area' ? Number(a.residents) : 1), 0);
    this.counts.dataset.nodes = String(this.full?.nodes.length ?? 0);
    this.counts.dataset.edges = String(this.full?.edges.length ?? 0);
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
    try {
      const { resident } = await gql<{ resident: ResidentDetail | null }>(RESIDENT, { id: node });
      if (!resident) return void (this.panel.hidden = true);
      this.panel.replaceChildren(
        el('button', { type: 'button', class: 'close', 'aria-label': t('close') }, ['×']),
        el('h3', { 'data-testid': 'panel-name' }, [resident.label]),
        el('dl', {}, [
          el('dt', {}, [t('housingArea')]), el('dd', {}, [[resident.housingArea, resident.building].filter(Boolean).join(' · ') || t('unknown')]),
          el('dt', {}, [analyticsTerm('GroupingAttribute', 'HOUSING_TYPE')]), el('dd', {}, [term('HousingType', resident.housingType)]),
          el('dt', {}, [t('stage')]), el('dd', {}, [term('CultivationStage', resident.cultivationStage)]),
          el('dt', {}, [analyticsTerm('GroupingAttribute', 'PARTY_MEMBERSHIP')]), el('dd', {}, [resident.partyMember === null ? t('unknown') : resident.partyMember ? t('partyMember') : t('notPartyMember')]),
          el('dt', {}, [analyticsTerm('CentralityMeasure', this.size.value === 'none' ? 'DEGREE' : this.size.value)]), el('dd', {}, [this.size.value === 'none' ? String(this.graph.degree(node)) : (this.scores.get(node) ?? 0).toPrecision(3)]),
        ]),
        el('h4', {}, [t('stageHistory')]),
        el('ul', {}, resident.history.filter((h) => h.field === 'cultivationStage').map((h) => el('li', {}, [`${h.at.slice(0, 10)}: ${term('CultivationStage', h.from)} → ${term('CultivationStage', h.to)}`]))),
        el('h4', {}, [t('memberships')]),
        el('ul', {}, resident.memberships.length === 0 ? [el('li', {}, [t('none')])] : resident.memberships.map((m) => el('li', {}, [`${m.organization?.name ?? '?'} · ${term('MembershipRole', m.role)} (${m.since?.slice(0, 10) ?? '…'} – ${m.until?.slice(0, 10) ?? ''})`]))),
      );
      this.panel.querySelector('button.close')!.addEventListener('click', () => this.select(undefined));
    } catch (error) {
      this.panel.hidden = true;
      showError(error);
    }
  }
}
