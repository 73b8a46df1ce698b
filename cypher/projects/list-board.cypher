// mode: read · params: $communityId
// returns: id, name, status, createdAt, endsAt, statusSince (the latest status change, null: none recorded),
//   claimants (how many claims) — every project of the community that has not ended, ordered by id.
MATCH (p:Project)
WHERE p.communityId = $communityId AND p.endedAt IS NULL
RETURN p.id AS id, p.name AS name, coalesce(p.status, 'COLLECTED') AS status, p.createdAt AS createdAt, p.endsAt AS endsAt,
  reduce(latest = null, t IN [(p)-[c:CHANGED]->(:Community) WHERE c.field = 'status' | c.at] | CASE WHEN latest IS NULL OR t > latest THEN t ELSE latest END) AS statusSince,
  size([(p)<-[:CLAIMED]-() | 1]) AS claimants
ORDER BY id
