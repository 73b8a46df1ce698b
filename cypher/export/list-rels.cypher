// mode: read · slots: {{from}} (one start label), {{to}} (`|`-joined end labels), {{type}} (the relationship type)
// params: $communityId, $after (last start id of the previous page, '' first), $limit, $from, $to, $asOf
// returns: id (the start node), rels [{to, toLabels, rel}] — one row per start node of the community present in the window
//   or at asOf, ordered by id (the page cursor), with its relationships of this kind whose end is a node of the
//   same community also present, and which count themselves: spans by since/until (since < to, until ≥ from;
//   since ≤ asOf < until), events by at (from ≤ at < to; at ≤ asOf). The node predicate is list-nodes'.
MATCH (a:{{from}})
WHERE a.communityId = $communityId AND a.id > $after
  AND ($asOf IS NULL OR ((a.createdAt IS NULL OR a.startUnknown = true OR a.createdAt <= $asOf) AND (a.endedAt IS NULL OR a.endedAt > $asOf)))
  AND ($to IS NULL OR a.createdAt IS NULL OR a.startUnknown = true OR a.createdAt < $to)
  AND ($from IS NULL OR a.endedAt IS NULL OR a.endedAt >= $from)
WITH a ORDER BY a.id LIMIT toInteger($limit)
RETURN a.id AS id,
  [(a)-[r:{{type}}]->(b:{{to}}) WHERE b.communityId = $communityId
    AND ($asOf IS NULL OR ((b.createdAt IS NULL OR b.startUnknown = true OR b.createdAt <= $asOf) AND (b.endedAt IS NULL OR b.endedAt > $asOf)))
    AND ($to IS NULL OR b.createdAt IS NULL OR b.startUnknown = true OR b.createdAt < $to)
    AND ($from IS NULL OR b.endedAt IS NULL OR b.endedAt >= $from)
    AND ($asOf IS NULL OR ((coalesce(r.since, r.at) IS NULL OR coalesce(r.since, r.at) <= $asOf) AND (r.until IS NULL OR r.until > $asOf)))
    AND ($to IS NULL OR coalesce(r.since, r.at) IS NULL OR coalesce(r.since, r.at) < $to)
    AND ($from IS NULL OR coalesce(r.until, r.at) IS NULL OR coalesce(r.until, r.at) >= $from)
    | {to: b.id, toLabels: labels(b), rel: r {.*}}] AS rels
ORDER BY id
