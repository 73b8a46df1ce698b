// mode: write · slots: {{label}} · params: $id, $communityId, $props, $now · returns: node
// Matching the community first makes a dangling communityId return no row (NOT_FOUND upstream).
MATCH (c:Community {id: $communityId})
CREATE (n:{{label}} {id: $id, communityId: $communityId, createdAt: $now})
SET n += $props
RETURN n {.*} AS node
