// mode: write · params: $projectId, $rating, $beneficiaries, $notes, $at, $now, $changeId, $evidence · returns: node
// The end of the claiming workflow: IN_PROGRESS → EVALUATED with the evaluation, and its CHANGED record.
MATCH (p:Project {id: $projectId})
MATCH (cm:Community {id: p.communityId})
SET p.status = 'EVALUATED', p.rating = $rating, p.beneficiaries = $beneficiaries, p.evaluationNotes = $notes
CREATE (p)-[:CHANGED {id: $changeId, field: 'status', from: 'IN_PROGRESS', to: 'EVALUATED', at: $at, evidence: $evidence, createdAt: $now}]->(cm)
RETURN p {.*} AS node
