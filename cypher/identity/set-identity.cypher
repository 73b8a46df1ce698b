// mode: write · params: $residentId, $identityId, $props, $now · returns: identity
// Identifying details live on their own node so that the pseudonymous resident can be read,
// exported and analysed without them.
MATCH (r:Resident {id: $residentId})
MERGE (r)-[:IDENTIFIED_BY]->(i:Identity {id: $identityId})
ON CREATE SET i.communityId = r.communityId, i.createdAt = $now
SET i += $props, i.updatedAt = $now
RETURN i {.realName, .phone, .idNumber, .updatedAt} AS identity
