// mode: write · slots: {{label}} · params: $id · returns: deleted
// Identifying details go with the resident; relationships go with the node.
MATCH (n:{{label}} {id: $id})
OPTIONAL MATCH (n)-[:IDENTIFIED_BY]->(identity:Identity)
DETACH DELETE n, identity
RETURN count(*) AS deleted
