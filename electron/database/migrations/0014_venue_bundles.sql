-- Sub-classrooms (分会场): each runs Podium on its own laptop with the class imported from the main classroom's
-- archive, records check-ins there, and sends them back as a venue bundle the main classroom merges.

-- Where a check-in or status was recorded (this laptop's venue at the time, or the venue a bundle came from).
ALTER TABLE attendance ADD COLUMN venue_id INTEGER REFERENCES venues(id) ON DELETE SET NULL;

-- Which venue this laptop is for a class (本机会场); its check-ins are recorded there. This installation's, not archived.
CREATE TABLE local_venues (
  event_id    INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  venue_id    INTEGER NOT NULL REFERENCES venues(id) ON DELETE CASCADE,
  updated_at  TEXT    NOT NULL
);

-- An imported archive renumbers ids: which id of the archive became which id here, so a bundle can speak the
-- class's own ids (participants, sessions, venues, reflection assignments). This installation's, not archived.
CREATE TABLE archive_origins (
  event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  table_name  TEXT    NOT NULL,
  source_id   INTEGER NOT NULL,
  local_id    INTEGER NOT NULL,
  PRIMARY KEY (event_id, table_name, source_id)
);
CREATE UNIQUE INDEX archive_origins_local ON archive_origins(event_id, table_name, local_id);

-- Every venue bundle merged here, once: the same bundle again finds its row and changes nothing.
CREATE TABLE venue_bundles (
  bundle_id     TEXT    PRIMARY KEY,
  event_id      INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  venue_id      INTEGER REFERENCES venues(id) ON DELETE SET NULL,
  venue_name    TEXT    NOT NULL,
  created_at    TEXT    NOT NULL,
  imported_at   TEXT    NOT NULL,
  checkins      INTEGER NOT NULL,
  statuses      INTEGER NOT NULL,
  evaluations   INTEGER NOT NULL,
  reflections   INTEGER NOT NULL,
  flagged       INTEGER NOT NULL
);
CREATE INDEX venue_bundles_event ON venue_bundles(event_id, imported_at);

-- A trainee checked in at two venues for one session: the earlier check-in counts, the other is kept here.
CREATE TABLE venue_checkin_conflicts (
  session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  kept_venue_id   INTEGER REFERENCES venues(id) ON DELETE SET NULL,
  kept_at         TEXT,
  other_venue_id  INTEGER REFERENCES venues(id) ON DELETE SET NULL,
  other_at        TEXT,
  flagged_at      TEXT    NOT NULL,
  PRIMARY KEY (session_id, participant_id)
);
