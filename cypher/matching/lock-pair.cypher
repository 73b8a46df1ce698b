// mode: write · params: $conferenceId, $resourceId, $needId, $projectId, $at, $now
// returns: one row when both entries exist — resource, need (the entries' properties), conferenceCommunity
//   (null: no such conference), resourceInPool, needInPool (IN_POOL of the conference spanning $at),
//   resourceOwners, needOwners ([{id, label}] of OFFERS / HAS_NEED spanning $at), resourceUsed, needUsed
//   (quantities that other projects' USES / ADDRESSES spanning $at take; none recorded = the whole
//   entry), existing (the project with $projectId, or null) with existingResources, existingNeeds.
// Writing updatedAt takes each entry's write lock before anything is read, resource first and need
// second (one order, so two accepts cannot wait on each other): a second accept of the same resource
// waits here until the first commits, and then reads the capacity the first one left.
// A repeated accept (the project exists already) writes nothing; the project is read again after the
// locks, so an accept of the same id that was waiting on them sees the one just committed.
OPTIONAL MATCH (before:Project {id: $projectId})
WITH before IS NULL AS fresh
MATCH (r:Resource {id: $resourceId})
FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END | SET r.updatedAt = $now)
WITH r, fresh
MATCH (n:Need {id: $needId})
FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END | SET n.updatedAt = $now)
WITH r, n
OPTIONAL MATCH (c:JointConference {id: $conferenceId})
OPTIONAL MATCH (p:Project {id: $projectId})
RETURN r {.*} AS resource, n {.*} AS need, c.communityId AS conferenceCommunity,
  c IS NOT NULL AND exists { (r)-[q:IN_POOL]->(c) WHERE (q.since IS NULL OR q.since <= $at) AND (q.until IS NULL OR q.until > $at) } AS resourceInPool,
  c IS NOT NULL AND exists { (n)-[q:IN_POOL]->(c) WHERE (q.since IS NULL OR q.since <= $at) AND (q.until IS NULL OR q.until > $at) } AS needInPool,
  [(o)-[x:OFFERS]->(r) WHERE (x.since IS NULL OR x.since <= $at) AND (x.until IS NULL OR x.until > $at) | {id: o.id, label: labels(o)[0]}] AS resourceOwners,
  [(o)-[x:HAS_NEED]->(n) WHERE (x.since IS NULL OR x.since <= $at) AND (x.until IS NULL OR x.until > $at) | {id: o.id, label: labels(o)[0]}] AS needOwners,
  [(:Project)-[u:USES]->(r) WHERE (u.since IS NULL OR u.since <= $at) AND (u.until IS NULL OR u.until > $at) | toFloat(coalesce(u.quantity, r.quantity, 1))] AS resourceUsed,
  [(:Project)-[u:ADDRESSES]->(n) WHERE (u.since IS NULL OR u.since <= $at) AND (u.until IS NULL OR u.until > $at) | toFloat(coalesce(u.quantity, n.quantity, 1))] AS needUsed,
  p {.*} AS existing,
  [(p)-[:USES]->(x:Resource) | x.id] AS existingResources,
  [(p)-[:ADDRESSES]->(x:Need) | x.id] AS existingNeeds
