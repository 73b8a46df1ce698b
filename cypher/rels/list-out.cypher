// mode: read · slots: {{from}} (the asking node's label), {{to}}, {{type}} · params: $ids
// returns: key, rel, node, labels — one statement for a whole page of nodes (batched nested fields)
UNWIND $ids AS key
MATCH (:{{from}} {id: key})-[r:{{type}}]->(b:{{to}})
RETURN key, r {.*} AS rel, b {.*} AS node, labels(b) AS labels
ORDER BY key, coalesce(r.since, r.at, r.createdAt), r.id
