// mode: write · slots: {{type}} · params: $rows [props incl. id] — only rows whose values changed
UNWIND $rows AS row
MATCH ()-[r:{{type}} {id: row.id}]->()
SET r += row
