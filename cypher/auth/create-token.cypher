// mode: write · params: $id, $hash, $role, $communities, $name, $now · returns: token
CREATE (t:ApiToken {id: $id, hash: $hash, role: $role, communities: $communities, name: $name, createdAt: $now})
RETURN t {.id, .role, .communities, .name, .createdAt} AS token
