// mode: read · slots: {{type}} · params: $ids · returns: props, fromId, toId (of the relationship ids
// that exist; the ends let the writer refuse a row that would rewrite a relationship between other nodes)
UNWIND $ids AS id
MATCH (a)-[r:{{type}} {id: id}]->(b)
RETURN r {.*} AS props, a.id AS fromId, b.id AS toId
