// mode: read · params: $communityId
// returns: group (an organisation), id (a resident), since, until (ms since the epoch, as floats) — one row per
//   MEMBER_OF of a resident of the community in one of its organisations, over the whole history (the tie
//   timeline), in no particular order. Pairs are formed in the projection, not here.
MATCH (r:Resident {communityId: $communityId})-[m:MEMBER_OF]->(o:Organization)
WHERE o.communityId = $communityId
RETURN o.id AS group, r.id AS id, toFloat(m.since.epochMillis) AS since, toFloat(m.until.epochMillis) AS until
