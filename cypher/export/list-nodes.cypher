// mode: read · slots: {{label}} (a model label) · params: $communityId, $after (last id of the previous page, '' first),
//   $limit, $from, $to (window [from, to), null = open), $asOf (instant or null)
// returns: id, node (every property), changes [c {.*}] — one row per node of the community present in the window or
//   at asOf (a node is a span createdAt → endedAt; the Community node itself always), ordered by id (the page
//   cursor), with all its state changes (CHANGED to its community). The export sorts the changes into those
//   before the cut-off (written as STATE_CHANGE rows) and those after it (undone, to show the state then).
MATCH (n:{{label}})
WHERE n.communityId = $communityId AND n.id > $after
  AND (n:Community OR (
    ($asOf IS NULL OR ((n.createdAt IS NULL OR n.startUnknown = true OR n.createdAt <= $asOf) AND (n.endedAt IS NULL OR n.endedAt > $asOf)))
    AND ($to IS NULL OR n.createdAt IS NULL OR n.startUnknown = true OR n.createdAt < $to)
    AND ($from IS NULL OR n.endedAt IS NULL OR n.endedAt >= $from)))
WITH n ORDER BY n.id LIMIT toInteger($limit)
RETURN n.id AS id, n {.*} AS node,
  [(n)-[c:CHANGED]->(:Community {id: $communityId}) | c {.*}] AS changes
ORDER BY id
