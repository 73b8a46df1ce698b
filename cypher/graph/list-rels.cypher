// mode: read · slots: {{label}} (the start label), {{types}} (`|`-joined relationship types of the model)
// params: $communityId, $after (last id of the previous page, '' first), $limit, $from, $to, $asOf
// returns: id (the start node), rels [{type, to, toLabels, rel}] — one row per start node of the community,
//   ordered by id (the page cursor), with its outgoing relationships of those types that end in the same
//   community and count in the window [from, to) or at asOf (spans by since/until, events by at).
MATCH (a:{{label}})
WHERE a.communityId = $communityId AND a.id > $after
WITH a ORDER BY a.id LIMIT toInteger($limit)
RETURN a.id AS id,
  [(a)-[r:{{types}}]->(b) WHERE b.communityId = $communityId
    AND ($asOf IS NULL OR ((coalesce(r.since, r.at) IS NULL OR coalesce(r.since, r.at) <= $asOf) AND (r.until IS NULL OR r.until > $asOf)))
    AND ($to IS NULL OR coalesce(r.since, r.at) IS NULL OR coalesce(r.since, r.at) < $to)
    AND ($from IS NULL OR coalesce(r.until, r.at) IS NULL OR coalesce(r.until, r.at) >= $from)
    | {type: type(r), to: b.id, toLabels: labels(b), rel: r {.*}}] AS rels
ORDER BY id
