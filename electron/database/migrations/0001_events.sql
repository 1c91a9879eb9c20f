-- Events and the people registered in them.
CREATE TABLE events (
  id           INTEGER PRIMARY KEY,
  title        TEXT    NOT NULL,
  kind         TEXT    NOT NULL CHECK (kind IN ('contest', 'training')),
  starts_on    TEXT    NOT NULL,
  ends_on      TEXT,
  venue        TEXT,
  organizer    TEXT,
  created_at   TEXT    NOT NULL
);

CREATE TABLE participants (
  id            INTEGER PRIMARY KEY,
  event_id      INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name          TEXT    NOT NULL,
  organization  TEXT,
  title         TEXT,
  phone         TEXT,
  gender        TEXT    CHECK (gender IN ('male', 'female')),
  group_name    TEXT,
  registered_at TEXT    NOT NULL
);
CREATE INDEX participants_event ON participants(event_id, id);
