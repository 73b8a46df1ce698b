// mode: read · params: $communityId · returns: first, last — the earliest and the latest date on the
// dated records of the community's residents: their ties, memberships, attendances, exchanges, Party
// affiliations and stage changes (since / at / until). Node createdAt is left out on purpose: a node
// imported without one carries the import's time, which says nothing about the community's history.
MATCH (r:Resident {communityId: $communityId})-[x]-()
WITH coalesce(x.since, x.at) AS start, coalesce(x.until, x.since, x.at) AS finish
RETURN min(start) AS first, max(finish) AS last
