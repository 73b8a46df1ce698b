// mode: write · params: $projectId, $claimantId (or null), $now
// returns: project (its properties), claimantLabel (null: no Organization, Resident or Partner with that id),
//   claimantCommunity, claimed (the claimant has claimed it already) — no row when the project is unknown.
// Writing updatedAt takes the project's write lock before its status is read, so two claims or an
// evaluation at once see each other's status change instead of both starting from the old one.
MATCH (p:Project {id: $projectId})
SET p.updatedAt = $now
WITH p
OPTIONAL MATCH (o:Organization|Resident|Partner {id: $claimantId})
RETURN p {.*} AS project, [l IN labels(o) WHERE l IN ['Organization', 'Resident', 'Partner']][0] AS claimantLabel,
  o.communityId AS claimantCommunity, o IS NOT NULL AND exists { (o)-[:CLAIMED]->(p) } AS claimed
