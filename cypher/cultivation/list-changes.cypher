// mode: read · slots: {{label}} (a model label with a state field) · params: $communityId, $field (the state field)
// returns: id (the node), from, to, at, createdAt (ms since the epoch as floats) — every recorded change of the
//   field on the community's nodes of the label, unordered (the caller sorts by at, then createdAt). Starts from the
//   community's node, where every CHANGED relationship of the community ends, so it reads the changes and nothing else.
MATCH (:Community {id: $communityId})<-[c:CHANGED]-(n:{{label}})
WHERE c.field = $field AND n.communityId = $communityId
RETURN n.id AS id, c.from AS from, c.to AS to, toFloat(c.at.epochMillis) AS at, toFloat(c.createdAt.epochMillis) AS createdAt
