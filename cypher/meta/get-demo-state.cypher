// mode: read · params: $demoId · returns: communities (how many exist), demoFound, demoLoaded,
// demoFirstDay (epoch millis of the demo community's createdAt, the first day of its calendar; null without one)
// The demo is loaded into an empty database, or resumed when an earlier load was interrupted
// (its community exists but was never marked loaded).
OPTIONAL MATCH (c:Community)
WITH count(c) AS communities
OPTIONAL MATCH (d:Community {id: $demoId})
RETURN communities, d IS NOT NULL AS demoFound, d.demoLoadedAt IS NOT NULL AS demoLoaded, toFloat(d.createdAt.epochMillis) AS demoFirstDay
