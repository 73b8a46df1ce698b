// mode: read · params: $communityId, $from, $to (window [from, to)), $publicKinds (activity kinds that are public)
// returns: id (a resident of the community who attended, in the window, an activity that is public or a partner's),
//   public (one of them was of a public kind or part of a project), partner (one was hosted by a partner or part of a
//   project a partner runs). One row per such resident. Activities are judged first, so the attendance scan reads only those that count.
MATCH (a:Activity {communityId: $communityId})
WITH a,
  a.kind IN $publicKinds OR EXISTS { (a)-[:PART_OF]->(:Project) } AS public,
  EXISTS { (a)<-[:HOSTED]-(:Partner) } OR EXISTS { (a)-[:PART_OF]->(:Project)<-[:RUNS]-(:Partner) } AS partner
WHERE public OR partner
MATCH (r:Resident)-[x:ATTENDED]->(a)
WHERE r.communityId = $communityId AND x.at >= $from AND x.at < $to
WITH r.id AS id, max(toInteger(public)) AS pub, max(toInteger(partner)) AS par
WHERE pub = 1 OR par = 1
RETURN id, pub = 1 AS public, par = 1 AS partner
ORDER BY id
