// mode: write · params: $rows [{id, at, tokenId, role, tokenCommunities, operationName, fields, variables, outcome, errorCodes}]
// returns: written. A batch written again after a failure that may have come after its commit (the
// connection lost on the way back): an entry already there is not made twice (found through the
// audit_entry_id index). Only for retries: a first attempt needs no MERGE.
UNWIND $rows AS row
MERGE (a:AuditEntry {id: row.id})
SET a = row
RETURN count(a) AS written
