// mode: write · params: $id, $now · returns: token
MATCH (t:ApiToken {id: $id})
SET t.revokedAt = coalesce(t.revokedAt, $now)
RETURN t {.id, .role, .revokedAt} AS token
