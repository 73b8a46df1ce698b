// mode: write · slots: {{label}} · params: $rows [{id, communityId, props}], $now
// returns: created, updated, unchanged — MERGE on the stable id makes a second import a no-op.
// A row whose properties all equal the stored ones is left untouched (no write, no updatedAt).
UNWIND $rows AS row
MERGE (n:{{label}} {id: row.id})
ON CREATE SET n.communityId = row.communityId, n.createdAt = coalesce(row.props.createdAt, $now), n.__new = true
WITH n, row, coalesce(n.__new, false) AS isNew
WITH n, row, isNew, (NOT isNew AND n.communityId = row.communityId AND all(k IN keys(row.props) WHERE n[k] = row.props[k])) AS same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | SET n += row.props, n.communityId = row.communityId)
REMOVE n.__new
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND NOT same THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN same THEN 1 ELSE 0 END) AS unchanged
