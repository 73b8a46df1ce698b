/**
 * Which state changes are allowed. Partner lifecycle after the Nansha partner mechanism
 * (seeds/000: call → application → collective consultation → roadshow review → registration →
 * dynamic exit); cultivation after Chengdu's six-step strategy (seeds/002: good person → capable
 * person → group leader, one step at a time, and one step back when a person withdraws); the
 * claiming workflow after Zuo'anpuyuan (seeds/004). Everything not listed is refused.
 */
import type { NodeLabel } from './model.ts';

type Machine = Readonly<Record<string, readonly string[]>>;

const PARTNER_STATUS: Machine = {
  CALLED: ['APPLIED', 'EXITED'],
  APPLIED: ['CONSULTED', 'EXITED'],
  CONSULTED: ['REVIEWED', 'EXITED'],
  REVIEWED: ['ACTIVE', 'EXITED'],
  ACTIVE: ['EXITED'],
  // An exited partner may apply again; it then goes through consultation and review anew.
  EXITED: ['APPLIED'],
};

// Kinds convert into each other (seeds/001): an individual forms a team, a group becomes a social
// enterprise, a business hands its work to a group. Any change is allowed; the history records it.
const PARTNER_KIND: Machine = {
  INDIVIDUAL: ['COMMUNITY_GROUP', 'BUSINESS'],
  COMMUNITY_GROUP: ['INDIVIDUAL', 'BUSINESS'],
  BUSINESS: ['INDIVIDUAL', 'COMMUNITY_GROUP'],
};

const CULTIVATION: Machine = {
  UNIDENTIFIED: ['GOOD_PERSON'],
  GOOD_PERSON: ['CAPABLE_PERSON', 'UNIDENTIFIED'],
  CAPABLE_PERSON: ['GROUP_LEADER', 'GOOD_PERSON'],
  GROUP_LEADER: ['CAPABLE_PERSON'],
};

const CLAIMING: Machine = {
  COLLECTED: ['PUBLISHED'],
  PUBLISHED: ['CLAIMED', 'COLLECTED'],
  CLAIMED: ['IN_PROGRESS', 'PUBLISHED'],
  IN_PROGRESS: ['EVALUATED'],
  EVALUATED: [],
};

const ORIENTATION: Machine = {
  SELF_BENEFIT: ['MUTUAL_BENEFIT', 'PUBLIC_BENEFIT'],
  MUTUAL_BENEFIT: ['SELF_BENEFIT', 'PUBLIC_BENEFIT'],
  PUBLIC_BENEFIT: ['SELF_BENEFIT', 'MUTUAL_BENEFIT'],
};

// Development path activities → projects → organisation → public interest → societal (seeds/004).
const DEVELOPMENT: Machine = {
  ACTIVITIES: ['PROJECTS'],
  PROJECTS: ['ORGANIZATION', 'ACTIVITIES'],
  ORGANIZATION: ['PUBLIC_INTEREST', 'PROJECTS'],
  PUBLIC_INTEREST: ['SOCIETAL', 'ORGANIZATION'],
  SOCIETAL: ['PUBLIC_INTEREST'],
};

const SPACE: Machine = {
  IDLE: ['ACTIVATED'],
  ACTIVATED: ['IDLE'],
};

export const MACHINES: Partial<Record<NodeLabel, Readonly<Record<string, Machine>>>> = {
  Resident: { cultivationStage: CULTIVATION },
  Partner: { status: PARTNER_STATUS, kind: PARTNER_KIND },
  Organization: { orientation: ORIENTATION, developmentStage: DEVELOPMENT },
  Project: { status: CLAIMING },
  Space: { status: SPACE },
};

/** The states reachable from `from`; none for anything not in the machine (own properties only:
 * a stored "toString" must not find Object.prototype's function). */
export function allowedNext(label: NodeLabel, field: string, from: string): readonly string[] {
  const machines = MACHINES[label];
  if (!machines || !Object.hasOwn(machines, field)) return [];
  const machine = machines[field]!;
  return Object.hasOwn(machine, from) ? machine[from]! : [];
}
