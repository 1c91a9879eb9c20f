-- Training classes: the class, its venues and schedule, check-in desks, attendance and completion.

-- 期次, 班主任, a contact line, and the minutes after a session's start before a check-in is late.
ALTER TABLE events ADD COLUMN term TEXT;
ALTER TABLE events ADD COLUMN class_teacher TEXT;
ALTER TABLE events ADD COLUMN contact TEXT;
ALTER TABLE events ADD COLUMN grace_minutes INTEGER NOT NULL DEFAULT 10 CHECK (grace_minutes >= 0);

-- 主会场, 分会场 and 现场教学点 of a class.
CREATE TABLE venues (
  id          INTEGER PRIMARY KEY,
  event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name        TEXT    NOT NULL,
  kind        TEXT    NOT NULL CHECK (kind IN ('main', 'sub', 'site')),
  address     TEXT,
  created_at  TEXT    NOT NULL
);
CREATE INDEX venues_event ON venues(event_id, id);

ALTER TABLE participants ADD COLUMN region TEXT;
ALTER TABLE participants ADD COLUMN ethnicity TEXT;
ALTER TABLE participants ADD COLUMN note TEXT;
ALTER TABLE participants ADD COLUMN venue_id INTEGER REFERENCES venues(id) ON DELETE SET NULL;

-- The schedule. Times are kept as the organiser gave them (ISO 8601); credit hours in tenths.
CREATE TABLE sessions (
  id             INTEGER PRIMARY KEY,
  event_id       INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  title          TEXT    NOT NULL,
  kind           TEXT    NOT NULL
                 CHECK (kind IN ('lecture', 'discussion', 'site-visit', 'case-study', 'exam', 'opening', 'closing')),
  starts_at      TEXT    NOT NULL,
  ends_at        TEXT    NOT NULL,
  teacher        TEXT,
  teacher_title  TEXT,
  location       TEXT,
  venue_id       INTEGER REFERENCES venues(id) ON DELETE SET NULL,
  hours_tenths   INTEGER NOT NULL CHECK (hours_tenths >= 0),
  created_at     TEXT    NOT NULL
);
CREATE INDEX sessions_event ON sessions(event_id, starts_at);

-- A check-in desk's link (签到台): its token is cleared when revoked; the row stays for the record.
CREATE TABLE desks (
  id          INTEGER PRIMARY KEY,
  event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name        TEXT    NOT NULL,
  token       TEXT    UNIQUE,
  created_at  TEXT    NOT NULL,
  revoked_at  TEXT
);
CREATE INDEX desks_event ON desks(event_id, id);

-- One row per session × trainee once anything is recorded; no row means not (yet) checked in.
CREATE TABLE attendance (
  session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  status          TEXT    NOT NULL CHECK (status IN ('present', 'late', 'leave', 'absent', 'early')),
  at              TEXT,
  reason          TEXT,
  source          TEXT    NOT NULL CHECK (source IN ('desk', 'self', 'staff', 'paper')),
  desk_id         INTEGER REFERENCES desks(id) ON DELETE SET NULL,
  device          TEXT,
  updated_at      TEXT    NOT NULL,
  PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX attendance_participant ON attendance(participant_id);

-- Self check-in by phone: the rotating code comes from the secret, the open time and the period.
CREATE TABLE self_checkin (
  session_id      INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
  open            INTEGER NOT NULL CHECK (open IN (0, 1)),
  secret          TEXT    NOT NULL,
  rotate_seconds  INTEGER NOT NULL CHECK (rotate_seconds > 0),
  opened_at       TEXT    NOT NULL,
  closed_at       TEXT
);

-- A phone checks in one trainee per session; kept even when the check-in is undone.
CREATE TABLE checkin_devices (
  session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  device          TEXT    NOT NULL,
  participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  at              TEXT    NOT NULL,
  PRIMARY KEY (session_id, device)
);

-- 结业 rules (validated JSON) and the organiser's per-trainee decisions.
CREATE TABLE completion_rules (
  event_id    INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  rules_json  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
);

CREATE TABLE completion_overrides (
  event_id        INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  completes       INTEGER NOT NULL CHECK (completes IN (0, 1)),
  reason          TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL,
  PRIMARY KEY (event_id, participant_id)
);
