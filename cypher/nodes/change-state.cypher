// mode: write · slots: {{label}} · params: $id, $patch {field: to}, $changeId, $field, $from, $to, $at, $evidence, $now
// returns: node. The change is kept as a CHANGED relationship to the node's community, so every
// analytic can ask what the state was at any date.
MATCH (n:{{label}} {id: $id})
MATCH (c:Community {id: n.communityId})
SET n += $patch, n.updatedAt = $now
CREATE (n)-[:CHANGED {id: $changeId, field: $field, from: $from, to: $to, at: $at, evidence: $evidence, createdAt: $now}]->(c)
RETURN n {.*} AS node
