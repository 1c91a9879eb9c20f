-- Deleting an event: its audit log goes with it, and only then. While the event exists the log stays
-- append-only; once it is gone, an id SQLite may hand out again must not inherit its history.
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN EXISTS (SELECT 1 FROM events WHERE id = OLD.event_id)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
