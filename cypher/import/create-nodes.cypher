// mode: write · slots: {{label}} · params: $rows [props incl. id, communityId, createdAt]
// Only rows checked not to exist in the same transaction reach this (see import/existing-nodes).
UNWIND $rows AS row
CREATE (n:{{label}})
SET n = row
