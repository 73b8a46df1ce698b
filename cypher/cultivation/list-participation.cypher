// mode: read · params: $communityId, $after (last id of the previous page, '' first), $limit
// returns: id, attended [[at ms, role]] (at: the attendance's, else the activity's date), memberships
//   [[since ms, until ms, role]], claims [at ms], given [[at ms, hours]], received [[at ms, hours]] — one row per
//   resident of the community, ordered by id (the page cursor): what promotionCandidates measures a resident's
//   year by (src/services/cultivation/participation.ts). Times as floats, null when not recorded.
MATCH (r:Resident)
WHERE r.communityId = $communityId AND r.id > $after
WITH r ORDER BY r.id LIMIT toInteger($limit)
RETURN r.id AS id,
  [(r)-[a:ATTENDED]->(act:Activity) | [toFloat(coalesce(a.at, act.date).epochMillis), a.role]] AS attended,
  [(r)-[m:MEMBER_OF]->(:Organization) | [toFloat(m.since.epochMillis), toFloat(m.until.epochMillis), m.role]] AS memberships,
  [(r)-[c:CLAIMED]->(:Project) | toFloat(c.at.epochMillis)] AS claims,
  [(r)-[x:EXCHANGED]->(:Resident) | [toFloat(x.at.epochMillis), toFloat(x.hours)]] AS given,
  [(r)<-[x:EXCHANGED]-(:Resident) | [toFloat(x.at.epochMillis), toFloat(x.hours)]] AS received
ORDER BY id
