// mode: read · slots: {{label}} (Organization or Partner) · params: $communityId, $scopeIds, $from, $to (window [from, to))
// returns: scope, id (a project it ran during the window or claimed before its end), addresses (the project addresses
//   a recorded need) — one row per scope and project.
MATCH (e:{{label}})-[w:RUNS|CLAIMED]->(p:Project {communityId: $communityId})
WHERE e.id IN $scopeIds AND e.communityId = $communityId
  AND (coalesce(w.since, w.at) IS NULL OR coalesce(w.since, w.at) < $to) AND (w.until IS NULL OR w.until >= $from)
RETURN DISTINCT e.id AS scope, p.id AS id, EXISTS { (p)-[:ADDRESSES]->(:Need) } AS addresses
ORDER BY scope, id
