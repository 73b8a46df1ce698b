/**
 * Activity rows and who came: attendees are drawn from each activity's scope (an organisation's
 * members first, a building, a Party branch, an estate, two estates of different housing types, or
 * the whole community) weighted by participation, and only among residents already on the roster.
 * Organisers are the leader or building head; core-team members and volunteers help.
 */
import type { Activity } from './activities.ts';
import type { Output } from './output.ts';
import type { Party } from './party.ts';
import type { Population } from './people.ts';
import { Rng } from './random.ts';

const PARTICIPANT = 0;
const VOLUNTEER = 1;
const ORGANIZER = 2;
const ROLE_NAMES = ['PARTICIPANT', 'VOLUNTEER', 'ORGANIZER'] as const;

export async function emitActivityNodes(out: Output, activities: readonly Activity[]): Promise<void> {
  for (const a of activities) {
    await out.node('Activity', a.id, Math.max(0, a.day - 7), { name: a.name, kind: a.kind, date: out.calendar.dateOf(a.day, a.hour), location: a.location });
  }
}

export async function emitActivityRels(out: Output, activities: readonly Activity[], pop: Population, party: Party, seed: number): Promise<void> {
  for (const a of activities) for (const host of a.hosts) await out.rel('HOSTING', host, a.id, { since: a.day });
  for (const a of activities) if (a.project) await out.rel('ACTIVITY_OF_PROJECT', a.id, a.project.id, { since: a.day });
  const rng = new Rng(seed, 'attendance');
  const r = pop.residents;
  const byBranch: number[][] = party.branches.map(() => []);
  for (let i = 0; i < r.n; i++) if (r.branch[i]! !== 255) byBranch[r.branch[i]!]!.push(i);

  const chosen = new Map<number, number>();
  for (const a of activities) {
    chosen.clear();
    const day = a.day;
    const present = (i: number) => r.created[i]! <= day;
    const add = (i: number, role: number) => {
      if (present(i) && !chosen.has(i)) chosen.set(i, role);
    };
    const s = a.scope;
    let draw: () => number;
    if (s.t === 'org') {
      const o = s.org;
      const active: number[] = [];
      for (let k = 0; k < o.members.length; k++) {
        if (o.since[k]! <= day && (o.until[k] === 0 || o.until[k]! > day)) {
          if (o.roles[k] === 2) add(o.members[k]!, ORGANIZER);
          else if (o.roles[k] === 1 && rng.chance(0.7)) add(o.members[k]!, VOLUNTEER);
          else active.push(o.members[k]!);
        }
      }
      const range = o.area >= 0 ? pop.areas[o.area]! : { start: 0, end: r.n };
      draw = () => (active.length > 0 && rng.chance(0.75) ? rng.pick(active) : r.pick(rng, range.start, range.end));
    } else if (s.t === 'building') {
      const b = pop.buildings[s.building]!;
      add(b.head, ORGANIZER);
      draw = () => r.pick(rng, b.start, b.end);
    } else if (s.t === 'branch') {
      const members = byBranch[s.branch]!;
      if (members.length === 0) continue;
      draw = () => rng.pick(members);
    } else if (s.t === 'area') {
      const area = pop.areas[s.area]!;
      draw = () => r.pick(rng, area.start, area.end);
    } else if (s.t === 'cross') {
      const [x, y] = s.areas.map((k) => pop.areas[k]!);
      draw = () => (rng.chance(0.5) ? r.pick(rng, x!.start, x!.end) : r.pick(rng, y!.start, y!.end));
    } else {
      draw = () => r.pick(rng, 0, r.n);
    }
    const volunteerShare = a.kind === 'VOLUNTEER_SERVICE' ? 0.7 : a.kind === 'FESTIVAL' ? 0.05 : 0.1;
    for (let tries = 0; chosen.size < a.size && tries < a.size * 8; tries++) {
      add(draw(), rng.chance(volunteerShare) ? VOLUNTEER : PARTICIPANT);
    }
    const at = out.calendar.dateOf(day, a.hour);
    for (const [i, role] of chosen) await out.rel('ATTENDANCE', r.id(i), a.id, { at }, { role: ROLE_NAMES[role] });
  }
}
