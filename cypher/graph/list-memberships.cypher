// mode: read · params: $communityId, $after (last organisation id of the previous page, '' first), $limit, $from, $to, $asOf
// returns: id (an organisation), members [[resident, since, until]] (times in ms since the epoch, as floats) — one row per organisation of the community,
//   ordered by id (the page cursor), with the memberships of its resident members that overlap the window
//   [from, to) or hold at asOf. Pairs are formed in the projection, not here (no Cypher cartesian product).
MATCH (o:Organization)
WHERE o.communityId = $communityId AND o.id > $after
WITH o ORDER BY o.id LIMIT toInteger($limit)
RETURN o.id AS id,
  [(r:Resident)-[m:MEMBER_OF]->(o) WHERE r.communityId = $communityId
    AND ($asOf IS NULL OR ((m.since IS NULL OR m.since <= $asOf) AND (m.until IS NULL OR m.until > $asOf)))
    AND ($to IS NULL OR m.since IS NULL OR m.since < $to)
    AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
    | [r.id, toFloat(m.since.epochMillis), toFloat(m.until.epochMillis)]] AS members
ORDER BY id
