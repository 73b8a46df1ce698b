// mode: read · returns: count — nodes other than the schema marker that migrations write; 0 means
// the database is empty enough for an offline (bulk-importer) load to replace it.
MATCH (n)
WHERE NOT n:SchemaMigration
RETURN count(n) AS count
