// mode: write · slots: {{label}} · params: $rows [{id, patch}] — sets each patch (a null removes
// the property); idempotent, so a retried transaction changes nothing more
UNWIND $rows AS row
MATCH (n:{{label}} {id: row.id})
SET n += row.patch
