/** The small demo tells the story the analytics need: allowed histories, an intervention, cultivation. */
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_SPECS, type NodeLabel, type PropSpec } from '../../../src/domain/model.ts';
import { allowedNext } from '../../../src/domain/transitions.ts';
import { collectDemo, rowsOf, time, type Collected, type Row } from './collect.ts';

const INTERVENTION = Date.UTC(2024, 6, 1);
let demo: Collected;
const byId = new Map<string, Row>();

beforeAll(async () => {
  demo = await collectDemo({ preset: 'small' });
  for (const rows of demo.files.values()) for (const row of rows) if (!('from' in row)) byId.set(String(row.id), row);
});

/** STATE_CHANGE rows grouped by node and field, in the order emitted. */
function walks(): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const row of rowsOf(demo, 'STATE_CHANGE')) {
    const key = `${String(row.label)}|${String(row.nodeId)}|${String(row.field)}`;
    const list = map.get(key) ?? [];
    list.push(row);
    map.set(key, list);
  }
  return map;
}

describe('small demo: state histories', () => {
  it('walks every state only through allowed steps, on increasing dates, ending at the stored state', () => {
    const problems: string[] = [];
    for (const [key, steps] of walks()) {
      const [label, nodeId, field] = key.split('|') as [NodeLabel, string, string];
      steps.forEach((s, k) => {
        if (k > 0 && s.from !== steps[k - 1]!.to) problems.push(`${key}: step ${k} starts at ${String(s.from)}, previous ended at ${String(steps[k - 1]!.to)}`);
        if (k > 0 && !(time(s.at) > time(steps[k - 1]!.at))) problems.push(`${key}: step ${k} is not after the previous one`);
        if (!allowedNext(label, field, String(s.from)).includes(String(s.to))) problems.push(`${key}: ${String(s.from)} → ${String(s.to)} is not allowed`);
      });
      const stored = byId.get(nodeId)?.[field];
      if (stored !== steps.at(-1)!.to) problems.push(`${key}: stored ${String(stored)}, history ends at ${String(steps.at(-1)!.to)}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(walks().size).toBeGreaterThan(50);
  });

  it('starts every history of a workflow at its initial state, and leaves nodes without one at that state', () => {
    // Organisation orientation/stage and partner kind may be created at any value (a registered
    // association starts public-benefit); these workflows always start at the model's initial state.
    const w = walks();
    const problems: string[] = [];
    for (const [label, field] of [['Resident', 'cultivationStage'], ['Partner', 'status'], ['Project', 'status'], ['Space', 'status']] as const) {
      const initial = (NODE_SPECS[label].props as Record<string, PropSpec>)[field]!.state!.initial;
      for (const node of rowsOf(demo, label)) {
        const steps = w.get(`${label}|${String(node.id)}|${field}`);
        const start = steps ? steps[0]!.from : node[field];
        if (start !== initial) problems.push(`${label} ${String(node.id)}.${field} starts at ${String(start)}, not ${initial}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('walks partners from CALLED through the lifecycle, numbers the active ones and ends the exited ones', () => {
    const w = walks();
    const partners = rowsOf(demo, 'Partner');
    const statuses = new Set(partners.map((p) => p.status));
    expect(statuses.has('ACTIVE')).toBe(true);
    expect(statuses.has('EXITED')).toBe(true);
    for (const p of partners) {
      const steps = w.get(`Partner|${String(p.id)}|status`) ?? [];
      expect(steps[0]?.from ?? p.status, String(p.id)).toBe('CALLED');
      if (p.status === 'ACTIVE') expect(String(p.registrationNumber)).toMatch(/^DM-HHR-20\d\d-\d{3}$/);
      if (p.status === 'EXITED') expect(p.endedAt).toBeInstanceOf(Date);
    }
    const full = partners.filter((p) => (w.get(`Partner|${String(p.id)}|status`) ?? []).map((s) => s.to).join('>').startsWith('APPLIED>CONSULTED>REVIEWED>ACTIVE'));
    expect(full.length).toBeGreaterThan(0);
  });

  it('moves residents UNIDENTIFIED → GOOD_PERSON → CAPABLE_PERSON → GROUP_LEADER with Chinese evidence', () => {
    const changes = rowsOf(demo, 'STATE_CHANGE').filter((c) => c.field === 'cultivationStage');
    expect(changes.some((c) => c.to === 'GROUP_LEADER')).toBe(true);
    expect(changes.every((c) => /\p{Script=Han}/u.test(String(c.evidence)))).toBe(true);
  });

  it('turns some hobby groups public-benefit, keeps a leader-dependent one, and activates idle spaces that projects use', () => {
    const orgs = rowsOf(demo, 'Organization');
    const selfOrgs = orgs.filter((o) => o.type === 'SELF_ORGANIZATION');
    expect(selfOrgs.some((o) => o.orientation === 'PUBLIC_BENEFIT')).toBe(true);
    expect(selfOrgs.some((o) => o.orientation === 'SELF_BENEFIT')).toBe(true);
    const roles = new Map<string, string[]>();
    for (const m of rowsOf(demo, 'MEMBERSHIP')) roles.set(String(m.to), [...(roles.get(String(m.to)) ?? []), String(m.role)]);
    const dependent = [...roles.values()].filter((r) => r.includes('LEADER') && !r.includes('CORE_TEAM'));
    expect(dependent.length).toBeGreaterThan(0);
    const activated = new Set(rowsOf(demo, 'STATE_CHANGE').filter((c) => c.label === 'Space' && c.to === 'ACTIVATED').map((c) => c.nodeId));
    expect(rowsOf(demo, 'RESOURCE_USE').some((u) => activated.has(u.to))).toBe(true);
  });

  it('puts the police station’s traffic-safety course and the schools’ need for it in the conference pools', () => {
    const owner = (rel: string, name: string) =>
      rowsOf(demo, rel).filter((r) => byId.get(String(r.to))?.name === name).map((r) => byId.get(String(r.from))?.unitKind);
    expect(owner('OFFER', '交通安全课程')).toContain('POLICE_STATION');
    expect(owner('NEED_OWNER', '学生交通安全培训')).toContain('SCHOOL');
    expect(owner('NEED_OWNER', '春运暑运文明引导志愿者')).toContain('TRANSPORT_HUB');
  });
});

describe('small demo: participation and the intervention', () => {
  it('has a higher share of ties crossing housing types among ties formed after the intervention', () => {
    const share = (after: boolean) => {
      const ties = rowsOf(demo, 'ACQUAINTANCE').filter((t) => (time(t.since) >= INTERVENTION) === after);
      const cross = ties.filter((t) => byId.get(String(t.from))?.housingType !== byId.get(String(t.to))?.housingType);
      return cross.length / ties.length;
    };
    expect(share(true)).toBeGreaterThan(share(false) * 2);
  });

  it('has about 6 ties per resident inside the neighbourhood and about 0.5 across housing types', () => {
    const residents = rowsOf(demo, 'Resident').length;
    let inside = 0;
    let cross = 0;
    for (const t of rowsOf(demo, 'ACQUAINTANCE')) {
      const a = byId.get(String(t.from))!;
      const b = byId.get(String(t.to))!;
      if (a.housingArea === b.housingArea) inside++;
      else if (a.housingType !== b.housingType) cross++;
    }
    expect((2 * inside) / residents).toBeGreaterThan(4.5);
    expect((2 * inside) / residents).toBeLessThan(7.5);
    expect((2 * cross) / residents).toBeGreaterThan(0.3);
    expect((2 * cross) / residents).toBeLessThan(0.9);
  });

  it('keeps attendance mostly small (5–30) with a few large festivals', () => {
    const sizes = new Map<string, number>();
    for (const a of rowsOf(demo, 'ATTENDANCE')) sizes.set(String(a.to), (sizes.get(String(a.to)) ?? 0) + 1);
    const all = [...sizes.values()];
    expect(all.filter((n) => n >= 5 && n <= 30).length / all.length).toBeGreaterThan(0.8);
    const large = [...sizes].filter(([, n]) => n >= 150).map(([id]) => byId.get(id)?.kind);
    expect(large.length).toBeGreaterThanOrEqual(3);
    expect(large.length / all.length).toBeLessThan(0.02);
    expect(large.every((k) => k === 'FESTIVAL')).toBe(true);
    const roles = new Set(rowsOf(demo, 'ATTENDANCE').map((a) => a.role));
    expect([...roles].sort()).toEqual(['ORGANIZER', 'PARTICIPANT', 'VOLUNTEER']);
  });

  it('has more attendance per month after the intervention than before', () => {
    const monthsBefore = 18;
    const monthsAfter = 18;
    const after = rowsOf(demo, 'ATTENDANCE').filter((a) => time(a.at) >= INTERVENTION).length;
    const before = rowsOf(demo, 'ATTENDANCE').length - after;
    expect(after / monthsAfter).toBeGreaterThan((before / monthsBefore) * 1.2);
  });

  it('moves the more active residents further along the cultivation path', () => {
    const attended = new Map<string, number>();
    for (const a of rowsOf(demo, 'ATTENDANCE')) attended.set(String(a.from), (attended.get(String(a.from)) ?? 0) + 1);
    const mean = (stage: string) => {
      const rs = rowsOf(demo, 'Resident').filter((r) => r.cultivationStage === stage);
      return rs.reduce((s, r) => s + (attended.get(String(r.id)) ?? 0), 0) / rs.length;
    };
    expect(mean('GOOD_PERSON')).toBeGreaterThan(mean('UNIDENTIFIED'));
    expect(mean('CAPABLE_PERSON')).toBeGreaterThan(mean('GOOD_PERSON'));
    expect(mean('GROUP_LEADER')).toBeGreaterThan(mean('GOOD_PERSON'));
  });

  it('records time-bank exchanges of 1–4 hours at 10 points an hour', () => {
    const ex = rowsOf(demo, 'EXCHANGE');
    expect(ex.length).toBeGreaterThan(200);
    expect(ex.every((e) => Number(e.hours) >= 1 && Number(e.hours) <= 4 && e.points === Number(e.hours) * 10 && e.from !== e.to)).toBe(true);
  });
});
