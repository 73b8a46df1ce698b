// mode: write · slots: {{from}}, {{to}}, {{type}} · params: $id, $until, $now · returns: rel
MATCH (:{{from}})-[r:{{type}} {id: $id}]->(:{{to}})
SET r.until = $until, r.updatedAt = $now
RETURN r {.*} AS rel
