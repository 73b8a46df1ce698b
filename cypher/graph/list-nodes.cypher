// mode: read · slots: {{label}} (a model label) · params: $communityId, $after (last id of the previous page, '' first),
//   $limit, $from, $to (window [from, to), null = open), $asOf (instant or null)
// returns: id, node (its properties), changes [{field, from, at}] — one row per node present in the window or at
//   asOf, ordered by id (the page cursor). `changes` are the state changes after the cut-off (at > asOf, or
//   at ≥ to), so the projection can show each state field as it was then.
MATCH (n:{{label}})
WHERE n.communityId = $communityId AND n.id > $after
  AND ($asOf IS NULL OR ((n.createdAt IS NULL OR n.startUnknown = true OR n.createdAt <= $asOf) AND (n.endedAt IS NULL OR n.endedAt > $asOf)))
  AND ($to IS NULL OR n.createdAt IS NULL OR n.startUnknown = true OR n.createdAt < $to)
  AND ($from IS NULL OR n.endedAt IS NULL OR n.endedAt >= $from)
WITH n ORDER BY n.id LIMIT toInteger($limit)
RETURN n.id AS id, n {.*} AS node,
  [(n)-[c:CHANGED]->(:Community)
    WHERE ($asOf IS NOT NULL AND c.at > $asOf) OR ($asOf IS NULL AND $to IS NOT NULL AND c.at >= $to)
    | c {.field, .from, .at}] AS changes
ORDER BY id
