// mode: write · slots: {{type}} · params: $rows [{id, patch}] — sets each patch (a null removes
// the property); idempotent, so a retried transaction changes nothing more
UNWIND $rows AS row
MATCH ()-[r:{{type}} {id: row.id}]->()
SET r += row.patch
