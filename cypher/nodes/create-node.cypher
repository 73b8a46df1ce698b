// mode: write · slots: {{label}} · params: $id, $communityId, $props, $now · returns: node
// Matching the community first makes a dangling communityId return no row (NOT_FOUND upstream).
// createdAt is when the record was made; the node's real start is not known (src/domain/lifetime.ts).
MATCH (c:Community {id: $communityId})
CREATE (n:{{label}} {id: $id, communityId: $communityId, createdAt: $now, startUnknown: true})
SET n += $props
RETURN n {.*} AS node
