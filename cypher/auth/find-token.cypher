// mode: read · params: $hash (sha-256 of the bearer token) · returns: token
MATCH (t:ApiToken {hash: $hash})
WHERE t.revokedAt IS NULL
RETURN t {.id, .role, .communities, .name} AS token
