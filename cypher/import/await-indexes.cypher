// mode: read · returns: nothing — waits (up to 10 minutes) until every index is online: after an
// offline load the migrations' indexes are populated in the background from the loaded store.
CALL db.awaitIndexes(600)
