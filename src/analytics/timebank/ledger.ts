/**
 * The time-bank ledger (共享会, seeds/003: "我为人人，人人为我"): per member the hours and points given
 * and received and the balance; totals that must conserve (every hour given is an hour received —
 * double-entry bookkeeping, checked and reported, not assumed); a monthly series; hours by service;
 * the share of active members who both give and receive (generalised exchange rather than one-way
 * charity, Cahn 2000, "No More Throw-Away People"); and the share of hours exchanged across housing
 * types, the reweaving the time bank is meant to do between estates and urban villages.
 *
 * Exchanges are checked on the way in: hours in (0, 24], provider ≠ recipient, both members of the
 * community; one that fails is counted under its reason and left out of every figure.
 */

export interface Exchange {
  readonly provider: string;
  readonly recipient: string;
  /** ms since the epoch. */
  readonly at: number;
  readonly hours: number;
  readonly points: number | null;
  readonly service: string | null;
}

export interface Member {
  readonly id: string;
  readonly housingType: string | null;
}

export interface LedgerOptions {
  /** The window [from, to) in ms; exchanges before `from` still tell when a member first and last took part. */
  readonly from: number;
  readonly to: number;
  /** Days without an exchange after which a member counts as inactive. */
  readonly inactiveDays?: number;
}

export interface MemberBalance {
  readonly id: string;
  readonly hoursGiven: number;
  readonly hoursReceived: number;
  readonly pointsGiven: number;
  readonly pointsReceived: number;
  /** hoursGiven − hoursReceived. */
  readonly balance: number;
  readonly pointsBalance: number;
  readonly exchanges: number;
}

export interface MonthFigures {
  /** YYYY-MM (UTC). */
  readonly month: string;
  readonly hours: number;
  readonly exchanges: number;
  /** Members who gave or received in the month. */
  readonly activeMembers: number;
  /** Members whose first exchange ever was in the month. */
  readonly newMembers: number;
  /** Members who had taken part before the month's end but not in the `inactiveDays` up to it. */
  readonly inactiveMembers: number;
}

export interface ServiceFigures {
  /** null: not recorded (or withheld by the caller). */
  readonly service: string | null;
  readonly hours: number;
  readonly exchanges: number;
  readonly providers: number;
}

export type RejectReason = 'HOURS' | 'SELF' | 'NOT_MEMBER';

export interface Ledger {
  readonly members: MemberBalance[];
  readonly totals: {
    readonly hoursGiven: number;
    readonly hoursReceived: number;
    readonly pointsGiven: number;
    readonly pointsReceived: number;
    readonly exchanges: number;
    /** Σ given − Σ received over the members (hours); 0 when the ledger conserves. */
    readonly imbalance: number;
    readonly conserved: boolean;
  };
  readonly monthly: MonthFigures[];
  readonly byService: ServiceFigures[];
  /** Of the members active in the window, the share who both gave and received; null with none. */
  readonly reciprocityShare: number | null;
  /** Of the hours between members whose housing types are both known, the share across types; null with none. */
  readonly crossHousingShare: number | null;
  readonly rejected: Record<RejectReason, number>;
}

const MODULE = 'timebank/ledger';
const DAY_MS = 86_400_000;
const EPS = 1e-9;

const monthKey = (t: number) => new Date(t).toISOString().slice(0, 7);

/** First instants of each UTC month overlapping [from, to). */
function months(from: number, to: number): number[] {
  const d = new Date(from);
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const out: number[] = [];
  while (t < to) {
    out.push(t);
    const x = new Date(t);
    t = Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + 1, 1);
  }
  return out;
}

export function timeBankLedger(exchanges: readonly Exchange[], members: readonly Member[], options: LedgerOptions): Ledger {
  const { from, to } = options;
  const inactiveDays = options.inactiveDays ?? 90;
  if (!(to > from)) throw new Error(`${MODULE}: the window is empty or reversed`);
  if (!(inactiveDays > 0)) throw new Error(`${MODULE}: inactiveDays must be > 0`);
  const housing = new Map(members.map((m) => [m.id, m.housingType]));
  const rejected: Record<RejectReason, number> = { HOURS: 0, SELF: 0, NOT_MEMBER: 0 };
  const valid: Exchange[] = [];
  for (const e of exchanges) {
    if (!(e.hours > 0 && e.hours <= 24)) rejected.HOURS += 1;
    else if (e.provider === e.recipient) rejected.SELF += 1;
    else if (!housing.has(e.provider) || !housing.has(e.recipient)) rejected.NOT_MEMBER += 1;
    else valid.push(e);
  }
  valid.sort((a, b) => a.at - b.at || (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0));

  const balances = new Map<string, { hoursGiven: number; hoursReceived: number; pointsGiven: number; pointsReceived: number; exchanges: number }>();
  const account = (id: string) => {
    let b = balances.get(id);
    if (!b) balances.set(id, (b = { hoursGiven: 0, hoursReceived: 0, pointsGiven: 0, pointsReceived: 0, exchanges: 0 }));
    return b;
  };
  const services = new Map<string | null, { hours: number; exchanges: number; providers: Set<string> }>();
  let exchangesInWindow = 0;
  let crossHours = 0;
  let knownHours = 0;
  for (const e of valid) {
    if (e.at < from || e.at >= to) continue;
    exchangesInWindow += 1;
    const p = account(e.provider);
    const r = account(e.recipient);
    p.hoursGiven += e.hours;
    r.hoursReceived += e.hours;
    p.pointsGiven += e.points ?? 0;
    r.pointsReceived += e.points ?? 0;
    p.exchanges += 1;
    r.exchanges += 1;
    const name = e.service;
    let s = services.get(name);
    if (!s) services.set(name, (s = { hours: 0, exchanges: 0, providers: new Set() }));
    s.hours += e.hours;
    s.exchanges += 1;
    s.providers.add(e.provider);
    const a = housing.get(e.provider) ?? null;
    const b = housing.get(e.recipient) ?? null;
    if (a !== null && b !== null) {
      knownHours += e.hours;
      if (a !== b) crossHours += e.hours;
    }
  }

  const memberList: MemberBalance[] = [...balances.entries()]
    .map(([id, b]) => ({ id, ...b, balance: b.hoursGiven - b.hoursReceived, pointsBalance: b.pointsGiven - b.pointsReceived }))
    .sort((x, y) => y.balance - x.balance || (x.id < y.id ? -1 : 1));
  // Summed from the members' accounts, not from the exchanges: that is what conservation checks.
  let hoursGiven = 0;
  let hoursReceived = 0;
  let pointsGiven = 0;
  let pointsReceived = 0;
  let both = 0;
  for (const m of memberList) {
    hoursGiven += m.hoursGiven;
    hoursReceived += m.hoursReceived;
    pointsGiven += m.pointsGiven;
    pointsReceived += m.pointsReceived;
    if (m.hoursGiven > 0 && m.hoursReceived > 0) both += 1;
  }
  const imbalance = hoursGiven - hoursReceived;

  // Monthly: one pass over the exchanges in time order with each member's first and last exchange so far.
  const starts = months(from, to);
  const firstSeen = new Map<string, number>();
  const lastSeen = new Map<string, number>();
  const monthly: MonthFigures[] = [];
  let k = 0;
  for (const start of starts) {
    const end = Math.min(to, Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth() + 1, 1));
    let hours = 0;
    let count = 0;
    let fresh = 0;
    const active = new Set<string>();
    for (; k < valid.length && valid[k]!.at < end; k += 1) {
      const e = valid[k]!;
      const inMonth = e.at >= Math.max(start, from);
      for (const id of [e.provider, e.recipient]) {
        if (!firstSeen.has(id)) {
          firstSeen.set(id, e.at);
          if (inMonth) fresh += 1;
        }
        lastSeen.set(id, e.at);
        if (inMonth) active.add(id);
      }
      if (inMonth) {
        hours += e.hours;
        count += 1;
      }
    }
    let inactive = 0;
    for (const last of lastSeen.values()) if (last < end - inactiveDays * DAY_MS) inactive += 1;
    monthly.push({ month: monthKey(start), hours, exchanges: count, activeMembers: active.size, newMembers: fresh, inactiveMembers: inactive });
  }

  const byService = [...services.entries()]
    .map(([service, s]) => ({ service, hours: s.hours, exchanges: s.exchanges, providers: s.providers.size }))
    .sort((a, b) => b.hours - a.hours || ((a.service ?? '') < (b.service ?? '') ? -1 : 1));

  return {
    members: memberList,
    totals: { hoursGiven, hoursReceived, pointsGiven, pointsReceived, exchanges: exchangesInWindow, imbalance, conserved: Math.abs(imbalance) <= EPS * Math.max(1, hoursGiven) },
    monthly,
    byService,
    reciprocityShare: memberList.length > 0 ? both / memberList.length : null,
    crossHousingShare: knownHours > 0 ? crossHours / knownHours : null,
    rejected,
  };
}
