// mode: read · slots: {{label}}
// params: $communityIds (null = every community), $in [{key, values}], $eq [{key, value}],
//         $ranges [{key, from, to}], $searchKey, $search (lower case or null), $after (id or null), $limit
// returns: node, ordered by id (the cursor). Keys come from the data model, never from input.
MATCH (n:{{label}})
WHERE ($communityIds IS NULL OR n.communityId IN $communityIds)
  AND ($after IS NULL OR n.id > $after)
  AND all(f IN $in WHERE n[f.key] IN f.values)
  AND all(f IN $eq WHERE n[f.key] = f.value)
  AND all(f IN $ranges WHERE (f.from IS NULL OR n[f.key] >= f.from) AND (f.to IS NULL OR n[f.key] < f.to))
  AND ($search IS NULL OR toLower(n[$searchKey]) CONTAINS $search)
RETURN n {.*} AS node
ORDER BY n.id
LIMIT toInteger($limit)
