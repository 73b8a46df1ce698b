// mode: read · params: $conferenceId · returns: id, communityId, name — the joint conference, no row when unknown
MATCH (c:JointConference {id: $conferenceId})
RETURN c.id AS id, c.communityId AS communityId, c.name AS name
