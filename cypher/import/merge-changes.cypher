// mode: write · slots: {{label}} · params: $rows [{id, nodeId, props}], $now
// returns: created, updated, unchanged — state history as CHANGED relationships to the community
UNWIND $rows AS row
MATCH (n:{{label}} {id: row.nodeId})
MATCH (c:Community {id: n.communityId})
MERGE (n)-[r:CHANGED {id: row.id}]->(c)
ON CREATE SET r.createdAt = coalesce(row.props.createdAt, $now), r.__new = true
WITH r, row, coalesce(r.__new, false) AS isNew
WITH r, row, isNew, (NOT isNew AND all(k IN keys(row.props) WHERE r[k] = row.props[k])) AS same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | SET r += row.props)
REMOVE r.__new
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND NOT same THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN same THEN 1 ELSE 0 END) AS unchanged
