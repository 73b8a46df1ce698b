// mode: read · params: none · returns: id
// Every community's id: what $__communities is bound to for a research query of a '*' token.
MATCH (c:Community)
RETURN c.id AS id
ORDER BY id
