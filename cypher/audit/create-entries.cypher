// mode: write · params: $rows [{id, at, tokenId, role, tokenCommunities, operationName, fields, variables, outcome, errorCodes}]
// returns: written. One statement for every entry that arrived while the previous batch was being written.
UNWIND $rows AS row
CREATE (a:AuditEntry)
SET a = row
RETURN count(a) AS written
