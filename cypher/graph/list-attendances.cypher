// mode: read · params: $communityId, $after (last activity id of the previous page, '' first), $limit, $from, $to, $asOf
// returns: id (an activity), attendees [[resident, at]] (at in ms since the epoch, as a float) — one row per activity of the community, ordered by id
//   (the page cursor), with its resident attendances in the window [from, to) or up to asOf. Pairs are formed
//   in the projection (k attendees → k(k−1)/2 pairs), not here.
MATCH (act:Activity)
WHERE act.communityId = $communityId AND act.id > $after
WITH act ORDER BY act.id LIMIT toInteger($limit)
RETURN act.id AS id,
  [(r:Resident)-[x:ATTENDED]->(act) WHERE r.communityId = $communityId
    AND ($asOf IS NULL OR x.at <= $asOf)
    AND ($from IS NULL OR x.at >= $from)
    AND ($to IS NULL OR x.at < $to)
    | [r.id, toFloat(x.at.epochMillis)]] AS attendees
ORDER BY id
