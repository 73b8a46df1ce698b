// mode: write · params: $demoId, $now · returns: id
MATCH (d:Community {id: $demoId})
SET d.demoLoadedAt = $now
RETURN d.id AS id
