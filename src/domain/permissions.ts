/**
 * Who may do what (DESIGN.md, "API conventions"). Every role reads within its communities;
 * ADMIN keeps the data; COORDINATOR keeps the joint conference's pools and projects; only ADMIN and
 * ANALYST read identifying details; RESEARCHER reads pseudonymised data only.
 */
import type { NodeLabel, RelKind } from './model.ts';
import type { Role } from './vocabulary.ts';

export interface Principal {
  tokenId: string;
  role: Role;
  /** Community ids this principal may see; '*' means all. */
  communities: readonly string[];
}

export const ALL_COMMUNITIES = '*';

const COORDINATOR_NODES = new Set<NodeLabel>(['Resource', 'Need', 'Project', 'Space']);
const COORDINATOR_RELS = new Set<RelKind>([
  'POOL_ENTRY', 'OFFER', 'NEED_OWNER', 'NEED_ADDRESSED', 'RESOURCE_USE', 'CLAIM', 'PROJECT_RUN', 'CONFERENCE_MEMBERSHIP',
]);

/** Whether a list of community ids (null or containing '*': all) covers this community. */
export function coversCommunity(communities: readonly string[] | null, communityId: string): boolean {
  return communities === null || communities.includes(ALL_COMMUNITIES) || communities.includes(communityId);
}

export function inScope(p: Principal, communityId: string): boolean {
  return coversCommunity(p.communities, communityId);
}

export function seesAll(p: Principal): boolean {
  return p.communities.includes(ALL_COMMUNITIES);
}

export function mayWriteNode(p: Principal, label: NodeLabel): boolean {
  if (p.role === 'ADMIN') return label !== 'Community' || seesAll(p);
  return p.role === 'COORDINATOR' && COORDINATOR_NODES.has(label);
}

/** Updating a community's own fields is allowed to its ADMIN; creating or deleting one needs '*'. */
export function mayUpdateNode(p: Principal, label: NodeLabel): boolean {
  if (label === 'Community') return p.role === 'ADMIN';
  return mayWriteNode(p, label);
}

export function mayWriteRel(p: Principal, kind: RelKind): boolean {
  return p.role === 'ADMIN' || (p.role === 'COORDINATOR' && COORDINATOR_RELS.has(kind));
}

export function mayReadIdentity(p: Principal): boolean {
  return p.role === 'ADMIN' || p.role === 'ANALYST';
}

export function mayWriteIdentity(p: Principal): boolean {
  return p.role === 'ADMIN';
}

export function seesPseudonymsOnly(p: Principal): boolean {
  return p.role === 'RESEARCHER';
}

/** Read-only Cypher (researchQuery) is the researchers' tool; analysts may use it too. */
export function mayRunResearchQuery(p: Principal): boolean {
  return p.role === 'RESEARCHER' || p.role === 'ANALYST';
}
