// mode: read · params: $communityId, $fields (property names)
// returns: id, createdAt (null when the node's start is unknown), endedAt (ms since the epoch, as floats), values (the
//   $fields in order) — every resident of the community, ordered by id, for the tie timeline (the whole history: no
//   window, so no state changes to undo). One flat read through the communityId index, not pages of anchors: the
//   timeline keeps every row anyway, and a short statement plans fast on a cold database.
MATCH (n:Resident {communityId: $communityId})
RETURN n.id AS id, CASE WHEN n.startUnknown = true THEN null ELSE toFloat(n.createdAt.epochMillis) END AS createdAt,
  toFloat(n.endedAt.epochMillis) AS endedAt, [field IN $fields | n[field]] AS values
ORDER BY id
