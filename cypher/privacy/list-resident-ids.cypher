// mode: read · params: $communityId, $after (last id of the previous page, '' first), $limit
// returns: id — one row per resident of the community, ended ones included, ordered by id (the page
//   cursor). Only the id: the researchers' map of pseudonyms (src/services/privacy/researcher-view.ts)
//   reads nothing else, and a property stored unreadably (by hand) cannot fail it.
MATCH (r:Resident)
WHERE r.communityId = $communityId AND r.id > $after
WITH r ORDER BY r.id LIMIT toInteger($limit)
RETURN r.id AS id
ORDER BY id
