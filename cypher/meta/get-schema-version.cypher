// mode: read · returns: version (null before the first migration)
OPTIONAL MATCH (m:SchemaMigration {id: 'reweave'})
RETURN m.version AS version
