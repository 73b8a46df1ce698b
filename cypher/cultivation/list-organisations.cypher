// mode: read · params: $communityId, $after (last id of the previous page, '' first), $limit, $from, $asOf (instants)
// returns: id, name, members [[residentId, role]] (memberships in force at $asOf), activities [[activityId,
//   [[residentId, role]]]] (activities the organisation hosted with from ≤ date < asOf, with their resident
//   attendees) — one row per organisation that exists at $asOf, ordered by id (the page cursor). For
//   leaderDependence (src/services/cultivation/leader-dependence.ts).
MATCH (o:Organization)
WHERE o.communityId = $communityId AND o.id > $after
  AND (o.createdAt IS NULL OR o.startUnknown = true OR o.createdAt <= $asOf) AND (o.endedAt IS NULL OR o.endedAt > $asOf)
WITH o ORDER BY o.id LIMIT toInteger($limit)
RETURN o.id AS id, o.name AS name,
  [(r:Resident)-[m:MEMBER_OF]->(o) WHERE (m.since IS NULL OR m.since <= $asOf) AND (m.until IS NULL OR m.until > $asOf) | [r.id, m.role]] AS members,
  [(o)-[:HOSTED]->(a:Activity) WHERE a.date >= $from AND a.date < $asOf | [a.id, [(x:Resident)-[t:ATTENDED]->(a) | [x.id, t.role]]]] AS activities
ORDER BY id
