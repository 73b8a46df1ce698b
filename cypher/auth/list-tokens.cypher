// mode: read · returns: token (never the hash)
MATCH (t:ApiToken)
RETURN t {.id, .role, .communities, .name, .createdAt, .revokedAt} AS token
ORDER BY t.createdAt
