// mode: read · params: $communityId, $after (last id of the previous page, '' first), $limit
// returns: id, housingArea, housingType, building, partyMember, householdRegistered, buildingHead, stage
//   (cultivationStage), skills (a list, [] when none) — one row per resident of the community, ended ones
//   included (researchers read them too), ordered by id (the page cursor). The quasi-identifiers researchers
//   read, for the k-anonymity report (src/services/privacy).
MATCH (r:Resident)
WHERE r.communityId = $communityId AND r.id > $after
WITH r ORDER BY r.id LIMIT toInteger($limit)
RETURN r.id AS id, r.housingArea AS housingArea, r.housingType AS housingType, r.building AS building,
  r.partyMember AS partyMember, r.householdRegistered AS householdRegistered, r.buildingHead AS buildingHead,
  r.cultivationStage AS stage, coalesce(r.skills, []) AS skills
ORDER BY id
