// mode: read · params: $communityId, $to
// returns: provider, recipient, providerHousing, recipientHousing, recipientCommunity, at (ms since the epoch),
//   hours, points, service — every time-bank exchange given by a resident of the community before $to
//   (earlier ones tell the ledger when a member first and last took part).
MATCH (a:Resident)-[e:EXCHANGED]->(b:Resident)
WHERE a.communityId = $communityId AND e.at < $to
RETURN a.id AS provider, b.id AS recipient, a.housingType AS providerHousing, b.housingType AS recipientHousing,
  b.communityId AS recipientCommunity, e.at.epochMillis AS at, toFloat(e.hours) AS hours, toFloat(e.points) AS points, e.service AS service
