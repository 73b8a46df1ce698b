// mode: read · slots: {{label}} · params: $ids · returns: key, change (oldest first)
UNWIND $ids AS key
MATCH (n:{{label}} {id: key})-[r:CHANGED]->(:Community)
RETURN key, r {.*} AS change
ORDER BY r.at, r.createdAt
