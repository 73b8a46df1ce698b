// mode: read · params: $ids (resident ids) · returns: key, identity
UNWIND $ids AS key
MATCH (:Resident {id: key})-[:IDENTIFIED_BY]->(i:Identity)
RETURN key, i {.realName, .phone, .idNumber, .updatedAt} AS identity
