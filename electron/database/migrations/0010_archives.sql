-- Event archives (.podium): the id an event's archive carries, stamped on the first export and recorded on an
-- import, so the same archive imported twice (or back into the host it came from) finds its event instead of copying.
CREATE TABLE event_archives (
  archive_id  TEXT    PRIMARY KEY,
  event_id    INTEGER NOT NULL UNIQUE REFERENCES events(id) ON DELETE CASCADE,
  origin      TEXT    NOT NULL CHECK (origin IN ('export', 'import')),
  at          TEXT    NOT NULL
);
