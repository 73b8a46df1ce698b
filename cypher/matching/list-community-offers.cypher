// mode: read · params: $communityId, $asOf, $categories
// returns: the columns of matching/list-conference-pool, for the time bank (共享会): resources and needs of
//   the community in $categories (SERVICE, SKILL) owned by residents as of $asOf, in any pool or none;
//   owners are the residents only. Ordered by kind and id.
MATCH (e)
WHERE (e:Resource OR e:Need) AND e.communityId = $communityId AND e.category IN $categories
  AND (e.createdAt IS NULL OR e.startUnknown = true OR e.createdAt <= $asOf) AND (e.endedAt IS NULL OR e.endedAt > $asOf)
  AND (e.validUntil IS NULL OR e.validUntil >= $asOf)
WITH e, [(o:Resident)-[r:OFFERS|HAS_NEED]->(e) WHERE (r.since IS NULL OR r.since <= $asOf) AND (r.until IS NULL OR r.until > $asOf) | o.id] AS owners
WHERE size(owners) > 0
RETURN CASE WHEN e:Resource THEN 'Resource' ELSE 'Need' END AS kind, e.id AS id, e.name AS name, e.category AS category,
  coalesce(e.tags, []) AS tags, toFloat(e.quantity) AS quantity, e.unit AS unit, e.urgency AS urgency,
  e.validFrom AS validFrom, e.validUntil AS validUntil, owners,
  [(:Project)-[u:USES|ADDRESSES]->(e) WHERE (u.since IS NULL OR u.since <= $asOf) AND (u.until IS NULL OR u.until > $asOf)
    | toFloat(coalesce(u.quantity, e.quantity, 1))] AS used
ORDER BY kind DESC, id
