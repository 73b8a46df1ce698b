// mode: read · slots: {{from}}, {{to}} (`|`-joined model labels), {{type}} (the relationship type)
// params: $communityIds (null: every community; the start node's), $after (last id of the previous page, '' first), $limit
// returns: id, props (every property), fromId, toId (the ends' ids) — one row per relationship of
// this kind, ordered by id (the page cursor)
MATCH (a:{{from}})-[r:{{type}}]->(b:{{to}})
WHERE r.id > $after AND ($communityIds IS NULL OR a.communityId IN $communityIds)
WITH a, r, b ORDER BY r.id LIMIT toInteger($limit)
RETURN r.id AS id, r {.*} AS props, a.id AS fromId, b.id AS toId
