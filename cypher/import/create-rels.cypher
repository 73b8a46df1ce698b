// mode: write · slots: {{from}}, {{to}} (one label each), {{type}} · params: $rows [{from, to, props}]
// Only rows checked not to exist in the same transaction reach this (see import/existing-rels).
UNWIND $rows AS row
MATCH (a:{{from}} {id: row.from})
MATCH (b:{{to}} {id: row.to})
CREATE (a)-[r:{{type}}]->(b)
SET r = row.props
