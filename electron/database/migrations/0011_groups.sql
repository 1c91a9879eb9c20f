-- Discussion groups (分组) of a training class. Membership stays participants.group_name = the group's name (the
-- roster, import, attendance per group and certificates read it); the groups service keeps the two in step.
CREATE TABLE discussion_groups (
  id           INTEGER PRIMARY KEY,
  event_id     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name         TEXT    NOT NULL,
  position     INTEGER NOT NULL,
  leader_id    INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  recorder_id  INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  created_at   TEXT    NOT NULL,
  UNIQUE (event_id, name)
);

-- The last automatic assignment: what was asked and the seed, so the same input gives the same groups again.
CREATE TABLE group_assignments (
  event_id      INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  group_count   INTEGER,
  balance_json  TEXT,
  seed          TEXT,
  assigned_at   TEXT
);

-- A group's short record of a discussion session (topic, summary), by its recorder's phone or by staff.
CREATE TABLE group_records (
  session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  group_id    INTEGER NOT NULL REFERENCES discussion_groups(id) ON DELETE CASCADE,
  topic       TEXT,
  summary     TEXT    NOT NULL,
  source      TEXT    CHECK (source IN ('recorder', 'staff')),
  updated_at  TEXT    NOT NULL,
  PRIMARY KEY (session_id, group_id)
);
CREATE INDEX group_records_group ON group_records(group_id);

-- A discussion session's link for the groups' recorders (记录员) to send their record from a phone. Not archived:
-- the code lets someone in; an imported class opens a new link.
CREATE TABLE group_record_links (
  session_id  INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
  code        TEXT    NOT NULL UNIQUE,
  open        INTEGER NOT NULL CHECK (open IN (0, 1)),
  opened_at   TEXT    NOT NULL
);
