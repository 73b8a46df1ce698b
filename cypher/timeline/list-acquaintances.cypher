// mode: read · params: $communityId
// returns: a, b (resident ids), since, until (ms since the epoch, as floats) — one row per KNOWS tie a → b between two
//   residents of the community, over the whole history (the tie timeline), in no particular order.
MATCH (x:Resident {communityId: $communityId})-[k:KNOWS]->(y:Resident)
WHERE y.communityId = $communityId
RETURN x.id AS a, y.id AS b, toFloat(k.since.epochMillis) AS since, toFloat(k.until.epochMillis) AS until
