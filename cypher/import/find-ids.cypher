// mode: read · slots: {{label}} · params: $ids · returns: id, communityId (of those that exist)
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
RETURN n.id AS id, n.communityId AS communityId
