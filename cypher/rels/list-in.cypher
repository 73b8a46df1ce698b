// mode: read · slots: {{from}}, {{to}} (the asking node's label), {{type}} · params: $ids
// returns: key, rel, node, labels — one statement for a whole page of nodes (batched nested fields)
UNWIND $ids AS key
MATCH (a:{{from}})-[r:{{type}}]->(:{{to}} {id: key})
RETURN key, r {.*} AS rel, a {.*} AS node, labels(a) AS labels
ORDER BY key, coalesce(r.since, r.at, r.createdAt), r.id
