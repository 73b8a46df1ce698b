// mode: read · params: $afterAt (DateTime or null), $afterId (id or null), $limit
// returns: entry, newest first; (at, id) is the cursor.
MATCH (a:AuditEntry)
WHERE $afterAt IS NULL OR a.at < $afterAt OR (a.at = $afterAt AND a.id < $afterId)
RETURN a {.id, .at, .tokenId, .role, .tokenCommunities, .operationName, .fields, .variables, .outcome, .errorCodes} AS entry
ORDER BY a.at DESC, a.id DESC
LIMIT toInteger($limit)
