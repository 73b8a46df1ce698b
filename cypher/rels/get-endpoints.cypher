// mode: read · slots: {{from}}, {{to}} (label disjunctions) · params: $fromId, $toId
// returns: from, fromLabels, to, toLabels (null where the id is unknown)
OPTIONAL MATCH (a:{{from}} {id: $fromId})
WITH a
OPTIONAL MATCH (b:{{to}} {id: $toId})
RETURN a {.*} AS from, labels(a) AS fromLabels, b {.*} AS to, labels(b) AS toLabels
