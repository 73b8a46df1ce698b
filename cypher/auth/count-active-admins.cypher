// mode: read · returns: total
MATCH (t:ApiToken {role: 'ADMIN'})
WHERE t.revokedAt IS NULL
RETURN count(t) AS total
