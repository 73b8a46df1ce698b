// mode: read · slots: {{labels}} (every label but Community) · params: $communityId · returns: total
MATCH (n:{{labels}})
WHERE n.communityId = $communityId
RETURN count(n) AS total
