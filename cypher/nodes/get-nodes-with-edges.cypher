// mode: read · slots: {{label}} · params: $ids, $outTypes, $inTypes (relationship types)
// returns: node, outEdges, inEdges — each edge a map {type, rel, node, labels}, ordered as rels/list-out
// A node read by id together with the relationships its query asks for, in one statement: a by-id
// read with nested relationship fields costs one transaction instead of one per field.
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
RETURN n {.*} AS node,
  COLLECT {
    MATCH (n)-[r]->(b) WHERE type(r) IN $outTypes
    WITH r, b ORDER BY coalesce(r.since, r.at, r.createdAt), r.id
    RETURN {type: type(r), rel: r {.*}, node: b {.*}, labels: labels(b)}
  } AS outEdges,
  COLLECT {
    MATCH (n)<-[r]-(b) WHERE type(r) IN $inTypes
    WITH r, b ORDER BY coalesce(r.since, r.at, r.createdAt), r.id
    RETURN {type: type(r), rel: r {.*}, node: b {.*}, labels: labels(b)}
  } AS inEdges
