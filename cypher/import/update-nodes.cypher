// mode: write · slots: {{label}} · params: $rows [props incl. id] — only rows whose values changed
UNWIND $rows AS row
MATCH (n:{{label}} {id: row.id})
SET n += row
