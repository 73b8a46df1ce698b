// mode: read · params: $communityId, $workRoles (attendance roles that count as work on the project)
// returns: group (a project), id (a resident), at (ms since the epoch, as a float) — one row per claim of a project of
//   the community by one of its residents, and per attendance in a work role at an activity PART_OF one of its
//   projects, over the whole history (the tie timeline), in no particular order.
MATCH (r:Resident {communityId: $communityId})-[c:CLAIMED]->(p:Project)
WHERE p.communityId = $communityId
RETURN p.id AS group, r.id AS id, toFloat(c.at.epochMillis) AS at
UNION ALL
MATCH (r:Resident {communityId: $communityId})-[x:ATTENDED]->(:Activity)-[:PART_OF]->(p:Project)
WHERE p.communityId = $communityId AND x.role IN $workRoles
RETURN p.id AS group, r.id AS id, toFloat(x.at.epochMillis) AS at
