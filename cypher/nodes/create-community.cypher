// mode: write · params: $id, $props, $now · returns: node
// A community belongs to itself, so that every node has a communityId.
CREATE (n:Community {id: $id, communityId: $id, createdAt: $now})
SET n += $props
RETURN n {.*} AS node
