import { describe, expect, it } from 'vitest';
import { timeBankLedger, type Exchange } from '../../../../src/analytics/timebank/ledger.ts';

const t = (iso: string) => Date.parse(iso);
const members = [
  { id: 'a', housingType: 'GARDEN_ESTATE' },
  { id: 'b', housingType: 'URBAN_VILLAGE' },
  { id: 'c', housingType: 'GARDEN_ESTATE' },
  { id: 'd', housingType: null },
];
const x = (provider: string, recipient: string, at: string, hours: number, service = '陪伴', points: number | null = hours * 10): Exchange => ({ provider, recipient, at: t(at), hours, points, service });

const exchanges: Exchange[] = [
  x('a', 'b', '2024-12-20T10:00:00Z', 1), // before the window: counts for first/last seen only
  x('a', 'b', '2025-01-05T10:00:00Z', 2, '维修'),
  x('b', 'a', '2025-01-20T10:00:00Z', 1.5),
  x('c', 'a', '2025-02-03T10:00:00Z', 3),
  x('d', 'c', '2025-03-30T10:00:00Z', 2, '维修', null),
  // Refused on the way in: 0 hours, 25 hours, to oneself, to a non-member.
  x('a', 'b', '2025-02-01T10:00:00Z', 0),
  x('a', 'b', '2025-02-01T10:00:00Z', 25),
  x('a', 'a', '2025-02-01T10:00:00Z', 1),
  x('a', 'z', '2025-02-01T10:00:00Z', 1),
];

describe('timebank/ledger', () => {
  const ledger = timeBankLedger(exchanges, members, { from: t('2025-01-01T00:00:00Z'), to: t('2025-04-01T00:00:00Z') });

  it('balances per member, and totals that conserve', () => {
    const by = new Map(ledger.members.map((m) => [m.id, m]));
    expect(by.get('a')).toMatchObject({ hoursGiven: 2, hoursReceived: 4.5, balance: -2.5, pointsGiven: 20, pointsReceived: 45, exchanges: 3 });
    expect(by.get('b')).toMatchObject({ hoursGiven: 1.5, hoursReceived: 2, balance: -0.5 });
    expect(by.get('c')).toMatchObject({ hoursGiven: 3, hoursReceived: 2, balance: 1, pointsReceived: 0 });
    expect(by.get('d')).toMatchObject({ hoursGiven: 2, hoursReceived: 0, balance: 2 });
    expect(ledger.members.map((m) => m.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(ledger.totals).toEqual({ hoursGiven: 8.5, hoursReceived: 8.5, pointsGiven: 65, pointsReceived: 65, exchanges: 4, imbalance: 0, conserved: true });
    expect(ledger.rejected).toEqual({ HOURS: 2, SELF: 1, NOT_MEMBER: 1 });
  });

  it('monthly hours, exchanges, active, new and inactive members', () => {
    expect(ledger.monthly).toEqual([
      { month: '2025-01', hours: 3.5, exchanges: 2, activeMembers: 2, newMembers: 0, inactiveMembers: 0 },
      { month: '2025-02', hours: 3, exchanges: 1, activeMembers: 2, newMembers: 1, inactiveMembers: 0 },
      // b's last exchange was 2025-01-20: by 2025-04-01 that is more than 90 days, by 2025-03-31 not (70 days).
      { month: '2025-03', hours: 2, exchanges: 1, activeMembers: 2, newMembers: 1, inactiveMembers: 0 },
    ]);
    const later = timeBankLedger(exchanges, members, { from: t('2025-01-01T00:00:00Z'), to: t('2025-06-01T00:00:00Z') });
    // By 2025-05-31: a and b last seen in Jan/Feb (> 90 days), c and d on 2025-03-30 (62 days).
    expect(later.monthly.at(-1)).toEqual({ month: '2025-05', hours: 0, exchanges: 0, activeMembers: 0, newMembers: 0, inactiveMembers: 2 });
  });

  it('by service, the share who both give and receive, and the share of hours across housing types', () => {
    expect(ledger.byService).toEqual([
      { service: '陪伴', hours: 4.5, exchanges: 2, providers: 2 },
      { service: '维修', hours: 4, exchanges: 2, providers: 2 },
    ]);
    // a, b, c both gave and received; d only gave.
    expect(ledger.reciprocityShare).toBeCloseTo(3 / 4, 12);
    // Known types: a→b 2 (across), b→a 1.5 (across), c→a 3 (same); d's type unknown.
    expect(ledger.crossHousingShare).toBeCloseTo(3.5 / 6.5, 12);
  });

  it('throws on a reversed window', () => {
    expect(() => timeBankLedger([], members, { from: 2, to: 1 })).toThrow(/timebank\/ledger: the window/);
  });
});
