// mode: read · params: $conferenceId, $asOf
// returns: kind ('Resource' | 'Need'), id, name, category, tags, quantity, unit, urgency, validFrom, validUntil,
//   owners [id] (who OFFERS / HAS_NEED it as of $asOf), used [quantity] (what projects' USES / ADDRESSES
//   spanning $asOf take; a use without a quantity takes the entry's whole quantity) — the entries in the
//   conference's pools as of $asOf that have not expired by then, ordered by kind and id. An entry whose start
//   was not recorded (startUnknown: created through the API) counts from the beginning, as in the projection
//   (src/graph/time.ts), so a board read at a past date shows it.
MATCH (c:JointConference {id: $conferenceId})<-[p:IN_POOL]-(e)
WHERE (e:Resource OR e:Need)
  AND (p.since IS NULL OR p.since <= $asOf) AND (p.until IS NULL OR p.until > $asOf)
  AND (e.createdAt IS NULL OR e.startUnknown = true OR e.createdAt <= $asOf) AND (e.endedAt IS NULL OR e.endedAt > $asOf)
  AND (e.validUntil IS NULL OR e.validUntil >= $asOf)
WITH DISTINCT e
RETURN CASE WHEN e:Resource THEN 'Resource' ELSE 'Need' END AS kind, e.id AS id, e.name AS name, e.category AS category,
  coalesce(e.tags, []) AS tags, toFloat(e.quantity) AS quantity, e.unit AS unit, e.urgency AS urgency,
  e.validFrom AS validFrom, e.validUntil AS validUntil,
  [(o)-[r:OFFERS|HAS_NEED]->(e) WHERE (r.since IS NULL OR r.since <= $asOf) AND (r.until IS NULL OR r.until > $asOf) | o.id] AS owners,
  [(:Project)-[u:USES|ADDRESSES]->(e) WHERE (u.since IS NULL OR u.since <= $asOf) AND (u.until IS NULL OR u.until > $asOf)
    | toFloat(coalesce(u.quantity, e.quantity, 1))] AS used
ORDER BY kind DESC, id
