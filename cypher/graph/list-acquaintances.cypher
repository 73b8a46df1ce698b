// mode: read · params: $communityId, $after (last resident id of the previous page, '' first), $limit, $from, $to, $asOf
// returns: id (a resident), ties [[other, since, until]] (times in ms since the epoch, as floats; lists, not maps: there are hundreds of thousands) — one row per resident of the community, ordered by id
//   (the page cursor), with the KNOWS ties it declared to residents of the same community that overlap the
//   window [from, to) or hold at asOf.
MATCH (a:Resident)
WHERE a.communityId = $communityId AND a.id > $after
WITH a ORDER BY a.id LIMIT toInteger($limit)
RETURN a.id AS id,
  [(a)-[k:KNOWS]->(b:Resident) WHERE b.communityId = $communityId
    AND ($asOf IS NULL OR ((k.since IS NULL OR k.since <= $asOf) AND (k.until IS NULL OR k.until > $asOf)))
    AND ($to IS NULL OR k.since IS NULL OR k.since < $to)
    AND ($from IS NULL OR k.until IS NULL OR k.until >= $from)
    | [b.id, toFloat(k.since.epochMillis), toFloat(k.until.epochMillis)]] AS ties
ORDER BY id
