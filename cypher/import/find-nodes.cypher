// mode: read · slots: {{label}} · params: $ids · returns: id, communityId, times (of the ids that
// exist) — times: the stored ones an import row is ordered against (createdAt with startUnknown,
// endedAt, startsAt, endsAt, validFrom, validUntil), so that a row's endedAt is judged with them
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
RETURN n.id AS id, n.communityId AS communityId,
       n {.createdAt, .startUnknown, .endedAt, .startsAt, .endsAt, .validFrom, .validUntil} AS times
