/**
 * The joint conference's views: the matching board (proposals with their reasons; accepting one makes
 * the project, and the map is redrawn with the owners' new co-work tie), the claiming board, the time
 * bank's ledger. The page offers accept to every role and lets the service decide: a role that may not
 * accept gets FORBIDDEN, shown in the alert region like every other error.
 */
import { gql } from '../api.ts';
import { analyticsTerm, currentLang, t, term, terms } from '../i18n.ts';
import { allPages, el, fmt, showError, table, timed, type Page } from '../ui.ts';
import { caption, choice, forgetRange, label, lastDay, lastYear, loader, type View } from './common.ts';

const CONFERENCES = `query Conferences($communityId: ID!, $after: String) {
  jointConferences(first: 100, after: $after, filter: { communityIds: [$communityId] }) { edges { node { id name } } pageInfo { hasNextPage endCursor } }
}`;

const PROPOSALS = `query Proposals($scope: MatchScope!, $asOf: DateTime) {
  matchProposals(scope: $scope, asOf: $asOf) {
    asOf resources needs eligiblePairs total greedyTotal gain seconds
    proposals(first: 50) { totalCount edges { node {
      resourceId resource { name unit } needId need { name } quantity score hops explanation explanationZh
      components { component contribution }
    } } }
    unmet(first: 50) { totalCount edges { node { needId need { name } asked unmet reason explanation explanationZh } } }
  }
}`;

const ACCEPT = `mutation Accept($input: AcceptMatchInput!) { acceptMatch(input: $input) { created project { id name status } } }`;

const BOARD = `query Board($communityId: ID!, $asOf: DateTime) {
  claimingBoard(communityId: $communityId, asOf: $asOf) {
    asOf staleDays columns { status projects { projectId name status since daysInStatus claimants flags } }
  }
}`;

const TIME_BANK = `query TimeBank($communityId: ID!, $from: DateTime, $to: DateTime) {
  timeBank(communityId: $communityId, from: $from, to: $to) {
    from to seconds reciprocityShare crossHousingShare
    totals { hoursGiven hoursReceived exchanges imbalance conserved }
    monthly { month hours exchanges activeMembers newMembers inactiveMembers }
    members(first: 20) { totalCount edges { node { residentId resident { label } hoursGiven hoursReceived balance exchanges } } }
    rejected { hours self notMember }
  }
}`;

const explain = (x: { explanation: string; explanationZh: string }) => (currentLang() === 'zh' ? x.explanationZh : x.explanation);
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
/** An id the service accepts (letters, digits, _ . : -) and the same for the same pair: accept is idempotent on it. */
const projectId = (resourceId: string, needId: string) => `match:${resourceId}:${needId}`.replace(/[^\p{L}\p{N}_.:-]/gu, '-').slice(0, 200);

type Proposal = {
  resourceId: string; resource: { name: string; unit: string | null } | null; needId: string; need: { name: string } | null;
  quantity: number; score: number; hops: number | null; explanation: string; explanationZh: string; components: { component: string; contribution: number }[];
};
type Unmet = { needId: string; need: { name: string } | null; asked: number; unmet: number; reason: string; explanation: string; explanationZh: string };
type Proposals = {
  asOf: string; resources: number; needs: number; eligiblePairs: number; total: number; greedyTotal: number; gain: number | null; seconds: number;
  proposals: { totalCount: number; edges: { node: Proposal }[] }; unmet: { totalCount: number; edges: { node: Unmet }[] };
};

export const matching: View = {
  key: 'matching',
  async render(communityId, context) {
    const conferences = await allPages<{ id: string; name: string }>(async (after) =>
      (await gql<{ jointConferences: Page<{ id: string; name: string }> }>(CONFERENCES, { communityId, after })).jointConferences);
    const scope = choice('matching-scope', t('scope'), [...conferences.map((c): [string, string] => [c.id, c.name]), ['', t('timebank')]], conferences[0]?.id ?? '');
    const { body, load } = loader(communityId, async () => {
      const asOf = new Date(await lastDay(communityId)).toISOString();
      const conferenceId = scope.value;
      const { matchProposals: r } = await gql<{ matchProposals: Proposals }>(PROPOSALS, { scope: conferenceId ? { conferenceId } : { communityId }, asOf });
      const rows = r.proposals.edges.map(({ node: p }) => {
        const cells = [
          label(p.resource, p.resourceId), label(p.need, p.needId), `${fmt(p.quantity, 1)} ${p.resource?.unit ?? ''}`.trim(), fmt(p.score),
          p.components.filter((c) => c.contribution > 0).sort((a, b) => b.contribution - a.contribution).map((c) => `${analyticsTerm('MatchComponent', c.component)} ${fmt(c.contribution, 2)}`).join('；'),
          p.hops === null ? '—' : String(p.hops), explain(p),
        ];
        return { p, cells };
      });
      const proposals = table([t('resource'), t('need'), t('quantity'), t('score'), t('reasons'), t('hops'), t('why'), ...(conferenceId ? [t('accept')] : [])], rows.map((x) => x.cells), 'matching-table');
      if (conferenceId) {
        proposals.querySelectorAll('tbody tr').forEach((tr, i) => {
          const p = rows[i]!.p;
          const button = el('button', { type: 'button', 'data-testid': 'accept-match', 'data-resource': p.resourceId, 'data-need': p.needId }, [t('accept')]);
          button.addEventListener('click', () => void accept(button, p, conferenceId, asOf));
          tr.append(el('td', { 'data-label': t('accept') }, [button]));
        });
      }
      return el('div', {}, [
        caption(null, r.seconds, { from: r.asOf, to: r.asOf }),
        el('p', { class: 'note', 'data-testid': 'matching-summary', 'data-pairs': String(r.eligiblePairs), 'data-proposals': String(r.proposals.totalCount) }, [
          `${t('resources')}: ${r.resources} · ${t('needs')}: ${r.needs} · ${t('eligiblePairs')}: ${r.eligiblePairs} · ${t('optimum')}: ${fmt(r.total, 2)} · ${t('greedy')}: ${fmt(r.greedyTotal, 2)} (${pct(r.gain)})`,
        ]),
        proposals,
        el('h3', {}, [t('unmet')]),
        table([t('need'), t('asked'), t('unmetQuantity'), t('reason'), t('why')], r.unmet.edges.map(({ node: u }) => [label(u.need, u.needId), fmt(u.asked, 1), fmt(u.unmet, 1), analyticsTerm('UnmetReason', u.reason), explain(u)]), 'unmet-table'),
      ]);
    });
    const accept = async (button: HTMLElement, p: Proposal, conferenceId: string, asOf: string) => {
      button.setAttribute('disabled', '');
      // Agreed within the last day the board reads, so the map's last date shows the new tie.
      const at = new Date(Math.min(Date.parse(asOf) - 60_000, Date.now())).toISOString();
      try {
        const { acceptMatch } = await gql<{ acceptMatch: { created: boolean; project: { id: string; name: string } } }>(ACCEPT, {
          input: { id: projectId(p.resourceId, p.needId), conferenceId, resourceId: p.resourceId, needId: p.needId, quantity: p.quantity, at },
        });
        button.replaceWith(el('span', { 'data-testid': 'accepted', 'data-project': acceptMatch.project.id }, [`${t('accepted')}: ${acceptMatch.project.name}`]));
        forgetRange(communityId);
        context.networkChanged();
      } catch (error) {
        button.removeAttribute('disabled');
        showError(error);
      }
    };
    scope.addEventListener('change', () => void load());
    void load();
    return el('div', {}, [el('label', { class: 'control' }, [`${t('scope')} `, scope]), body]);
  },
};

export const claiming: View = {
  key: 'claiming',
  async render(communityId) {
    type Entry = { projectId: string; name: string; status: string; since: string | null; daysInStatus: number | null; claimants: number; flags: string[] };
    type Board = { asOf: string; staleDays: number; columns: { status: string; projects: Entry[] }[] };
    const { body, load } = loader(communityId, async () => {
      const asOf = new Date(await lastDay(communityId)).toISOString();
      const { value: { claimingBoard: r }, ms } = await timed(() => gql<{ claimingBoard: Board }>(BOARD, { communityId, asOf }));
      const order = terms('ProjectStatus');
      const columns = [...r.columns].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
      return el('div', {}, [
        caption(null, ms / 1000, { from: r.asOf, to: r.asOf }, true),
        el('p', { class: 'note' }, [`${t('staleDays')}: ${r.staleDays}`]),
        el('div', { class: 'board', 'data-testid': 'claiming-board' }, columns.map((c) => el('section', { class: 'column', 'data-status': c.status, 'data-count': String(c.projects.length) }, [
          el('h3', {}, [`${term('ProjectStatus', c.status)} (${c.projects.length})`]),
          el('ul', {}, c.projects.length === 0 ? [el('li', { class: 'empty' }, [t('none')])] : c.projects.map((p) => el('li', { class: p.flags.length ? 'flagged' : '' }, [
            el('strong', {}, [p.name]),
            el('span', {}, [` · ${p.daysInStatus ?? '—'} ${t('days')} · ${t('claimants')} ${p.claimants}`]),
            ...p.flags.map((f) => el('span', { class: 'flag' }, [analyticsTerm('ClaimingFlag', f)])),
          ]))),
        ]))),
      ]);
    });
    void load();
    return body;
  },
};

export const timebank: View = {
  key: 'timebank',
  async render(communityId) {
    type Member = { residentId: string; resident: { label: string } | null; hoursGiven: number; hoursReceived: number; balance: number; exchanges: number };
    type Ledger = {
      from: string; to: string; seconds: number; reciprocityShare: number | null; crossHousingShare: number | null;
      totals: { hoursGiven: number; hoursReceived: number; exchanges: number; imbalance: number; conserved: boolean };
      monthly: { month: string; hours: number; exchanges: number; activeMembers: number; newMembers: number; inactiveMembers: number }[];
      members: { totalCount: number; edges: { node: Member }[] }; rejected: { hours: number; self: number; notMember: number };
    };
    const { body, load } = loader(communityId, async () => {
      const { timeBank: r } = await gql<{ timeBank: Ledger }>(TIME_BANK, { communityId, ...(await lastYear(communityId)) });
      return el('div', {}, [
        caption(null, r.seconds, { from: r.from, to: r.to }),
        el('p', { class: 'note', 'data-testid': 'timebank-totals', 'data-hours': String(r.totals.hoursGiven) }, [
          `${t('hoursGiven')}: ${fmt(r.totals.hoursGiven, 1)} · ${t('hoursReceived')}: ${fmt(r.totals.hoursReceived, 1)} · ${t('exchanges')}: ${r.totals.exchanges} · ${r.totals.conserved ? t('conserved') : `${t('imbalance')} ${fmt(r.totals.imbalance, 1)}`} · ${t('reciprocity')}: ${pct(r.reciprocityShare)} · ${t('crossHousing')}: ${pct(r.crossHousingShare)}`,
        ]),
        table([t('resident'), t('hoursGiven'), t('hoursReceived'), t('balance'), t('exchanges')], r.members.edges.map(({ node: m }) => [label(m.resident, m.residentId), fmt(m.hoursGiven, 1), fmt(m.hoursReceived, 1), fmt(m.balance, 1), m.exchanges]), 'timebank-members'),
        table([t('month'), t('hours'), t('exchanges'), t('activeMembers'), t('newMembers'), t('inactiveMembers')], r.monthly.map((m) => [m.month, fmt(m.hours, 1), m.exchanges, m.activeMembers, m.newMembers, m.inactiveMembers]), 'timebank-monthly'),
        el('p', { class: 'note' }, [`${t('rejected')}: ${r.rejected.hours + r.rejected.self + r.rejected.notMember}`]),
      ]);
    });
    void load();
    return body;
  },
};
