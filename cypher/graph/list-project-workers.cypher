// mode: read · params: $communityId, $after (last project id of the previous page, '' first), $limit, $from, $to,
//   $asOf, $workRoles (attendance roles that count as work on the project)
// returns: id (a project), workers [[resident, at]] (at in ms since the epoch, as a float) — one row per project of the
//   community, ordered by id (the page cursor): residents who claimed it, and residents who attended one of its
//   activities in a work role, in the window [from, to) or up to asOf (the activity's PART_OF must overlap the
//   window or hold at asOf too).
MATCH (p:Project)
WHERE p.communityId = $communityId AND p.id > $after
WITH p ORDER BY p.id LIMIT toInteger($limit)
RETURN p.id AS id,
  [(r:Resident)-[c:CLAIMED]->(p) WHERE r.communityId = $communityId
    AND ($asOf IS NULL OR c.at <= $asOf)
    AND ($from IS NULL OR c.at >= $from)
    AND ($to IS NULL OR c.at < $to)
    | [r.id, toFloat(c.at.epochMillis)]]
  + [(r:Resident)-[x:ATTENDED]->(:Activity)-[po:PART_OF]->(p) WHERE r.communityId = $communityId
    AND x.role IN $workRoles
    AND ($asOf IS NULL OR (x.at <= $asOf AND (po.since IS NULL OR po.since <= $asOf) AND (po.until IS NULL OR po.until > $asOf)))
    AND ($from IS NULL OR (x.at >= $from AND (po.until IS NULL OR po.until >= $from)))
    AND ($to IS NULL OR (x.at < $to AND (po.since IS NULL OR po.since < $to)))
    | [r.id, toFloat(x.at.epochMillis)]] AS workers
ORDER BY id
