// mode: read · slots: {{type}} · params: $ids · returns: id, fromId, fromLabels, fromCommunity,
// toId, toLabels, toCommunity, times — where the relationship ids that exist already lead, so that an
// import row reusing one cannot rewrite a relationship between other nodes (or of another community),
// and the stored since/until a row's until or since is ordered against.
UNWIND $ids AS id
MATCH (a)-[r:{{type}} {id: id}]->(b)
RETURN r.id AS id, a.id AS fromId, labels(a) AS fromLabels, a.communityId AS fromCommunity,
       b.id AS toId, labels(b) AS toLabels, b.communityId AS toCommunity, r {.since, .until} AS times
