// mode: write · params: $project {id, communityId, name, leveragePoint, description}, $conferenceId, $resourceId,
//   $needId, $quantity, $at, $now, $changeId, $evidence, $claimants [ids of Organization / Resident owners],
//   $runners [ids of Partner owners] · returns: node (the project)
// The project of an accepted match: in the conference's project pool, ADDRESSES the need and USES the
// resource with the quantity agreed, CLAIMED by the owning organisations and residents, RUN by the
// owning partners, and CLAIMED in the claiming workflow from the start (the match is the claim; the
// CHANGED record keeps that history like every transition's).
MATCH (c:JointConference {id: $conferenceId})
MATCH (r:Resource {id: $resourceId})
MATCH (n:Need {id: $needId})
MATCH (cm:Community {id: $project.communityId})
CREATE (p:Project {id: $project.id, communityId: $project.communityId, createdAt: $now, updatedAt: $now, name: $project.name,
  leveragePoint: $project.leveragePoint, status: 'CLAIMED', startsAt: $at})
SET p.description = $project.description
CREATE (p)-[:IN_POOL {id: $project.id + ':pool', since: $at, createdAt: $now}]->(c)
CREATE (p)-[:ADDRESSES {id: $project.id + ':need', since: $at, quantity: $quantity, createdAt: $now}]->(n)
CREATE (p)-[:USES {id: $project.id + ':resource', since: $at, quantity: $quantity, createdAt: $now}]->(r)
CREATE (p)-[:CHANGED {id: $changeId, field: 'status', from: 'COLLECTED', to: 'CLAIMED', at: $at, evidence: $evidence, createdAt: $now}]->(cm)
WITH p
CALL {
  WITH p
  UNWIND $claimants AS claimant
  MATCH (o:Organization|Resident {id: claimant})
  CREATE (o)-[:CLAIMED {id: p.id + ':claim:' + claimant, at: p.startsAt, createdAt: p.createdAt}]->(p)
}
CALL {
  WITH p
  UNWIND $runners AS runner
  MATCH (o:Partner {id: runner})
  CREATE (o)-[:RUNS {id: p.id + ':run:' + runner, since: p.startsAt, createdAt: p.createdAt}]->(p)
}
RETURN p {.*} AS node
