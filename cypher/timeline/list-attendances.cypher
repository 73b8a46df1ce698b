// mode: read · params: $communityId
// returns: group (an activity), id (a resident), at (ms since the epoch, as a float) — one row per ATTENDED of a
//   resident of the community at one of its activities, over the whole history (the tie timeline), ordered by
//   activity (the order in which the weights are summed, as in the paged projection read).
MATCH (r:Resident {communityId: $communityId})-[x:ATTENDED]->(act:Activity)
WHERE act.communityId = $communityId
RETURN act.id AS group, r.id AS id, toFloat(x.at.epochMillis) AS at
ORDER BY group
