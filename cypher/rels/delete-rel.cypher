// mode: write · slots: {{from}}, {{to}}, {{type}} · params: $id · returns: removed
MATCH (:{{from}})-[r:{{type}} {id: $id}]->(:{{to}})
DELETE r
RETURN count(*) AS removed
