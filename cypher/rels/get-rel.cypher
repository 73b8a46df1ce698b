// mode: read · slots: {{from}}, {{to}}, {{type}} · params: $id · returns: rel, from, fromLabels, to, toLabels
MATCH (a:{{from}})-[r:{{type}} {id: $id}]->(b:{{to}})
RETURN r {.*} AS rel, a {.*} AS from, labels(a) AS fromLabels, b {.*} AS to, labels(b) AS toLabels
