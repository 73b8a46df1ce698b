// mode: read · slots: {{label}} (a model label) · params: $communityId, $after (last id of the previous page, '' first),
//   $limit, $from, $to (window [from, to), null = open), $asOf (instant or null), $fields (property names),
//   $changesFrom (null, or an instant before $to: changes from it on are returned too, for a read that
//   serves several windows ending at or after it)
// returns: id, createdAt (null when the node's start is unknown), endedAt (ms since the epoch, as floats), values (the $fields in order), changes
//   [{field, from, at}] — like list-nodes, but only the named properties: the tie network reads ten of a
//   resident's properties, and sending fewer costs Neo4j and the driver less. `changes` are the state changes
//   after the cut-off (at > asOf, or at ≥ to, or at ≥ changesFrom when given) of the named fields.
MATCH (n:{{label}})
WHERE n.communityId = $communityId AND n.id > $after
  AND ($asOf IS NULL OR ((n.createdAt IS NULL OR n.startUnknown = true OR n.createdAt <= $asOf) AND (n.endedAt IS NULL OR n.endedAt > $asOf)))
  AND ($to IS NULL OR n.createdAt IS NULL OR n.startUnknown = true OR n.createdAt < $to)
  AND ($from IS NULL OR n.endedAt IS NULL OR n.endedAt >= $from)
WITH n ORDER BY n.id LIMIT toInteger($limit)
RETURN n.id AS id, CASE WHEN n.startUnknown = true THEN null ELSE toFloat(n.createdAt.epochMillis) END AS createdAt, toFloat(n.endedAt.epochMillis) AS endedAt,
  [field IN $fields | n[field]] AS values,
  [(n)-[c:CHANGED]->(:Community)
    WHERE c.field IN $fields AND (($asOf IS NOT NULL AND c.at > $asOf) OR ($asOf IS NULL AND $to IS NOT NULL AND c.at >= coalesce($changesFrom, $to)))
    | c {.field, .from, .at}] AS changes
ORDER BY id
