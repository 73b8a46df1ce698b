/** Authorisation checks shared by the use cases; they throw FORBIDDEN with a bilingual reason. */
import { badInput, forbidden, type FieldPath } from '../domain/errors.ts';
import { inScope, type Principal } from '../domain/permissions.ts';

export function requireScope(p: Principal, communityId: string): void {
  if (!inScope(p, communityId)) {
    throw forbidden(`This token may not access community ${communityId} / 此令牌无权访问社区 ${communityId}`);
  }
}

export function requireRole(allowed: boolean, p: Principal, what: string): void {
  if (!allowed) throw forbidden(`Role ${p.role} may not ${what} / 角色 ${p.role} 无权执行此操作`);
}

/** The community ids to filter a list by: the requested ones, each checked, or every visible one. */
export function visibleCommunities(p: Principal, requested: readonly string[] | null | undefined): string[] | null {
  if (requested && requested.length > 0) {
    requested.forEach((c) => requireScope(p, c));
    return [...requested];
  }
  return p.communities.includes('*') ? null : [...p.communities];
}

/**
 * An id the caller asked to create is already in use. Ids are unique per label (or relationship type)
 * across communities, so this cannot be hidden from a caller of another community; the answer names
 * neither the community nor anything stored, and is the same wherever the id is used.
 */
export function idTaken(what: string, id: string, path: FieldPath = ['input', 'id']) {
  return badInput(`${what} ${idInUse(id)}`, path);
}

/** The words of that answer, also an import row's reason (src/services/import/stored-ids.ts). */
export const idInUse = (id: string) => `id "${id}" is already in use; choose another / 编号 "${id}" 已被占用，请换一个`;
