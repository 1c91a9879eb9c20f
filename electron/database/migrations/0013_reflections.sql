-- 学习心得: what the class is asked to write (an assignment, with its phone code and deadline) and what each trainee
-- handed in (one per assignment, replaced until the deadline; staff may enter one handed in on paper).
CREATE TABLE reflection_assignments (
  id          INTEGER PRIMARY KEY,
  event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  title       TEXT    NOT NULL,
  prompt      TEXT,
  due_at      TEXT    NOT NULL,
  -- Null on an imported assignment: the importing host gives it a new one when asked.
  code        TEXT    UNIQUE,
  created_at  TEXT    NOT NULL
);
CREATE INDEX reflection_assignments_event ON reflection_assignments(event_id, id);

CREATE TABLE reflections (
  id              INTEGER PRIMARY KEY,
  assignment_id   INTEGER NOT NULL REFERENCES reflection_assignments(id) ON DELETE CASCADE,
  participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  title           TEXT    NOT NULL,
  body            TEXT    NOT NULL,
  excellent       INTEGER NOT NULL DEFAULT 0 CHECK (excellent IN (0, 1)),
  submitted_at    TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL,
  UNIQUE (assignment_id, participant_id)
);
CREATE INDEX reflections_participant ON reflections(participant_id);
