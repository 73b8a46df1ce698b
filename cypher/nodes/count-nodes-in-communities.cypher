// mode: read · slots: {{label}} · params: as nodes/list-nodes-in-communities without $after and $limit
// returns: total. nodes/count-nodes for named communities, through the communityId index.
UNWIND $communityIds AS communityId
MATCH (n:{{label}} {communityId: communityId})
WHERE all(f IN $in WHERE n[f.key] IN f.values)
  AND all(f IN $eq WHERE n[f.key] = f.value)
  AND all(f IN $ranges WHERE (f.from IS NULL OR n[f.key] >= f.from) AND (f.to IS NULL OR n[f.key] < f.to))
  AND ($search IS NULL OR toLower(n[$searchKey]) CONTAINS $search)
RETURN count(n) AS total
