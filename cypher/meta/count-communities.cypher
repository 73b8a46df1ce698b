// mode: read · returns: total — whether the database holds any community yet
MATCH (c:Community)
RETURN count(c) AS total
