// mode: read · params: $communityId, $after (last resident id of the previous page, '' first), $limit, $from, $to, $asOf
// returns: id (a resident), exchanges [[other, hours, at]] (at in ms since the epoch; numbers as floats) — one row per resident of the community, ordered by id
//   (the page cursor), with the time-bank services it gave to residents of the same community in the window
//   [from, to) or up to asOf.
MATCH (a:Resident)
WHERE a.communityId = $communityId AND a.id > $after
WITH a ORDER BY a.id LIMIT toInteger($limit)
RETURN a.id AS id,
  [(a)-[e:EXCHANGED]->(b:Resident) WHERE b.communityId = $communityId
    AND ($asOf IS NULL OR e.at <= $asOf)
    AND ($from IS NULL OR e.at >= $from)
    AND ($to IS NULL OR e.at < $to)
    | [b.id, toFloat(e.hours), toFloat(e.at.epochMillis)]] AS exchanges
ORDER BY id
