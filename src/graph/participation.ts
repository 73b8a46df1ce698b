/**
 * Participation counts per resident, read off a FULL projection of a window (so the time semantics
 * are the projection's own: events inside the window, spans overlapping it). They feed the
 * active-resident score (src/analytics/activity):
 * - attendance: activities attended, in any role;
 * - volunteering: attendances as VOLUNTEER;
 * - organising: attendances as ORGANIZER, plus memberships held as LEADER or CORE_TEAM, plus projects
 *   claimed (公益认领) — each a way of taking responsibility for others' participation;
 * - exchanges: time-bank hours given plus hours received (共享会: receiving help is taking part too).
 */
import type { AbstractGraph } from 'graphology-types';

export interface Participation {
  attendance: number;
  volunteering: number;
  organising: number;
  exchanges: number;
}

const zero = (): Participation => ({ attendance: 0, volunteering: 0, organising: 0, exchanges: 0 });

export function participationOf(full: AbstractGraph): Map<string, Participation> {
  const out = new Map<string, Participation>();
  const of = (id: string) => {
    let p = out.get(id);
    if (!p) out.set(id, (p = zero()));
    return p;
  };
  full.forEachNode((id, attrs) => {
    if (attrs.label === 'Resident') of(id);
  });
  full.forEachEdge((_, attrs, source, target) => {
    switch (attrs.kind) {
      case 'ATTENDANCE': {
        const p = of(source);
        p.attendance += 1;
        if (attrs.role === 'VOLUNTEER') p.volunteering += 1;
        if (attrs.role === 'ORGANIZER') p.organising += 1;
        break;
      }
      case 'MEMBERSHIP':
        if (attrs.role === 'LEADER' || attrs.role === 'CORE_TEAM') of(source).organising += 1;
        break;
      case 'CLAIM':
        if (full.getNodeAttribute(source, 'label') === 'Resident') of(source).organising += 1;
        break;
      case 'EXCHANGE': {
        const hours = typeof attrs.hours === 'number' && Number.isFinite(attrs.hours) ? attrs.hours : 0;
        of(source).exchanges += hours;
        of(target).exchanges += hours;
        break;
      }
      default:
    }
  });
  return out;
}
