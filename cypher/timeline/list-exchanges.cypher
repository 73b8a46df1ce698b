// mode: read · params: $communityId
// returns: from, to (resident ids), hours, at (ms since the epoch; numbers as floats) — one row per time-bank service
//   given between two residents of the community, over the whole history (the tie timeline), ordered by giver.
MATCH (x:Resident {communityId: $communityId})-[e:EXCHANGED]->(y:Resident)
WHERE y.communityId = $communityId
RETURN x.id AS from, y.id AS to, toFloat(e.hours) AS hours, toFloat(e.at.epochMillis) AS at
ORDER BY from
