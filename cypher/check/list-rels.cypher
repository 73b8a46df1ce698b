// mode: read · slots: {{from}}, {{to}} (`|`-joined model labels), {{type}} (the relationship type)
// params: $communityIds (null: every community; the start node's), $after (last id of the previous page, '' first), $limit
// returns: id, props (every property) — one row per relationship of this kind, ordered by id (the page cursor)
MATCH (a:{{from}})-[r:{{type}}]->(:{{to}})
WHERE r.id > $after AND ($communityIds IS NULL OR a.communityId IN $communityIds)
WITH r ORDER BY r.id LIMIT toInteger($limit)
RETURN r.id AS id, r {.*} AS props
