// mode: read · slots: {{label}} · params: as nodes/list-nodes, with $communityIds a list (not null)
// returns: node, ordered by id (the cursor). Keys come from the data model, never from input.
// nodes/list-nodes for named communities: each community's nodes are found through the label's
// communityId index, so a page costs the communities' size, not the whole database's. (The one
// statement with `$communityIds IS NULL OR …` cannot use the index, and read every node of the label
// in id order: with 70,000 residents of another community before the demo's ids, a page of 50
// took 1.7 s.)
UNWIND $communityIds AS communityId
MATCH (n:{{label}} {communityId: communityId})
WHERE ($after IS NULL OR n.id > $after)
  AND all(f IN $in WHERE n[f.key] IN f.values)
  AND all(f IN $eq WHERE n[f.key] = f.value)
  AND all(f IN $ranges WHERE (f.from IS NULL OR n[f.key] >= f.from) AND (f.to IS NULL OR n[f.key] < f.to))
  AND ($search IS NULL OR toLower(n[$searchKey]) CONTAINS $search)
RETURN n {.*} AS node
ORDER BY n.id
LIMIT toInteger($limit)
