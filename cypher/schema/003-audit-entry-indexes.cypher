// Migration 3: the audit log's lookups. The log is read newest first (audit/list-entries, ordered by
// `at`) and a batch written again after a lost connection is merged on `id` (audit/merge-entries):
// without these both scanned every entry, and the log grows by one entry per mutation.
// Plain indexes, not a uniqueness constraint: creating a constraint fails on a store that holds a
// duplicate, and a migration that fails keeps the service from starting.
CREATE INDEX audit_entry_id IF NOT EXISTS FOR (a:AuditEntry) ON (a.id);
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at);
