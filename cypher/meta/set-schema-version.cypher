// mode: write · params: $version, $now · returns: version
MERGE (m:SchemaMigration {id: 'reweave'})
SET m.version = $version, m.appliedAt = $now
RETURN m.version AS version
