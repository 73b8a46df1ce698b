// mode: read · slots: {{label}} (Organization or Partner) · params: $communityId, $scopeIds (ids of that label), $from, $to (window [from, to))
// returns: scope (an organisation's or partner's id), id (a resident of the community who attended, in the window, an
//   activity it hosted or one belonging to a project it runs or claimed), volunteered (at one of them as VOLUNTEER or
//   ORGANIZER), member (a member of it during the window, or the resident backing it, or a member of the organisation
//   backing it) — one row per scope and resident reached. Each scope's activities are found from the scope outwards.
MATCH (e:{{label}})
WHERE e.id IN $scopeIds AND e.communityId = $communityId
CALL (e) {
  MATCH (e)-[:HOSTED]->(a:Activity) RETURN a
  UNION
  MATCH (e)-[:RUNS|CLAIMED]->(:Project)<-[:PART_OF]-(a:Activity) RETURN a
}
MATCH (r:Resident)-[x:ATTENDED]->(a)
WHERE a.communityId = $communityId AND r.communityId = $communityId AND x.at >= $from AND x.at < $to
WITH e, r, collect(x.role) AS roles
RETURN e.id AS scope, r.id AS id,
  any(role IN roles WHERE role IN ['VOLUNTEER', 'ORGANIZER']) AS volunteered,
  EXISTS { (r)-[m:MEMBER_OF]->(e) WHERE (m.since IS NULL OR m.since < $to) AND (m.until IS NULL OR m.until >= $from) }
    OR EXISTS { (e)-[:BACKED_BY]->(r) }
    OR EXISTS { (e)-[:BACKED_BY]->(:Organization)<-[m:MEMBER_OF]-(r) WHERE (m.since IS NULL OR m.since < $to) AND (m.until IS NULL OR m.until >= $from) } AS member
ORDER BY scope, id
