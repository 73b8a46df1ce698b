// mode: read · params: $communityId, $from, $to (window [from, to))
// returns: contributor (a partner, organisation or resident of the community), label (its label), kind (MONEY | MATERIAL |
//   SERVICE), amount (Σ amount in yuan, a float) — one row per contributor and kind with contributions to the
//   community's funds in the window.
MATCH (p)-[c:CONTRIBUTED]->(f:Fund {communityId: $communityId})
WHERE p.communityId = $communityId AND c.at >= $from AND c.at < $to
RETURN p.id AS contributor, head([l IN labels(p) WHERE l IN ['Partner', 'Organization', 'Resident']]) AS label, c.kind AS kind, sum(toFloat(c.amount)) AS amount
ORDER BY contributor, kind
