// mode: read · slots: {{label}} (a model label with a state field) · params: $communityId, $after (last id of the
//   previous page, '' first), $limit, $field (the state field), $fields (other properties to return, in order)
// returns: id, createdAt (ms since the epoch as a float; null when the node's start is unknown), endedAt (ms or null),
//   current (the field's stored value), values (the $fields in order) — one row per node of the community, ordered by
//   id (the page cursor). The field's changes come from list-changes, in one read from the community's node, where the
//   few changed nodes' CHANGED relationships end (src/db/repositories/cultivation.ts).
MATCH (n:{{label}})
WHERE n.communityId = $communityId AND n.id > $after
WITH n ORDER BY n.id LIMIT toInteger($limit)
RETURN n.id AS id, CASE WHEN n.startUnknown = true THEN null ELSE toFloat(n.createdAt.epochMillis) END AS createdAt,
  toFloat(n.endedAt.epochMillis) AS endedAt, n[$field] AS current, [f IN $fields | n[f]] AS values
ORDER BY id
