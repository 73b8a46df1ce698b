// mode: read · returns: total — ADMIN tokens for every community ('*') that are not revoked
MATCH (t:ApiToken {role: 'ADMIN'})
WHERE t.revokedAt IS NULL AND '*' IN t.communities
RETURN count(t) AS total
