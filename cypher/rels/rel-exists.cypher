// mode: read · slots: {{type}} · params: $id · returns: found (0 or 1) — whether a relationship of the
// type already has this id, wherever it is (ids are unique per type)
OPTIONAL MATCH ()-[r:{{type}} {id: $id}]->()
RETURN count(r) AS found
