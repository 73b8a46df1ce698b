// mode: read · slots: {{label}} (a model label) · params: $communityIds (null: every community),
//   $after (last id of the previous page, '' first), $limit
// returns: id, props (every property) — one row per node, ordered by id (the page cursor)
MATCH (n:{{label}})
WHERE n.id > $after AND ($communityIds IS NULL OR n.communityId IN $communityIds)
WITH n ORDER BY n.id LIMIT toInteger($limit)
RETURN n.id AS id, n {.*} AS props
