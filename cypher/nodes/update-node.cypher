// mode: write · slots: {{label}} · params: $id, $props (null values remove), $now · returns: node
MATCH (n:{{label}} {id: $id})
SET n += $props, n.updatedAt = $now
RETURN n {.*} AS node
