// mode: write · slots: {{from}}, {{to}}, {{type}} · params: $fromId, $toId, $id, $props, $now · returns: rel
MATCH (a:{{from}} {id: $fromId})
MATCH (b:{{to}} {id: $toId})
CREATE (a)-[r:{{type}} {id: $id, createdAt: $now}]->(b)
SET r += $props
RETURN r {.*} AS rel
