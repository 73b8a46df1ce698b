// mode: write · slots: {{label}} (the claimant's label) · params: $projectId, $claimantId, $claimId, $at, $now,
//   $move (true: PUBLISHED → CLAIMED), $changeId, $evidence · returns: node (the project)
// The claim (公益认领) and, for the first claimant, the status change with its CHANGED record, together.
MATCH (p:Project {id: $projectId})
MATCH (o:{{label}} {id: $claimantId})
MATCH (cm:Community {id: p.communityId})
CREATE (o)-[:CLAIMED {id: $claimId, at: $at, createdAt: $now}]->(p)
FOREACH (_ IN CASE WHEN $move THEN [1] ELSE [] END |
  SET p.status = 'CLAIMED'
  CREATE (p)-[:CHANGED {id: $changeId, field: 'status', from: 'PUBLISHED', to: 'CLAIMED', at: $at, evidence: $evidence, createdAt: $now}]->(cm))
RETURN p {.*} AS node
