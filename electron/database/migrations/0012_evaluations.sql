-- Course evaluations (课程评估): a form per session, and trainees' anonymous answers to it.
-- code is the QR's code while the form can be reached; null until first opened (and on an imported form).
CREATE TABLE evaluation_forms (
  session_id      INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
  open            INTEGER NOT NULL CHECK (open IN (0, 1)),
  code            TEXT    UNIQUE,
  questions_json  TEXT    NOT NULL,
  opened_at       TEXT,
  closed_at       TEXT,
  updated_at      TEXT    NOT NULL
);

-- Anonymous: voter is a keyed hash of the trainee's phone (one answer per trainee per session), never a participant
-- id. id is a random UUID so a sub-classroom's answers keep their identity when carried to the main classroom.
CREATE TABLE evaluation_answers (
  id              TEXT    PRIMARY KEY,
  session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  voter           TEXT    NOT NULL,
  answers_json    TEXT    NOT NULL,
  venue_id        INTEGER REFERENCES venues(id) ON DELETE SET NULL,
  at              TEXT    NOT NULL,
  UNIQUE (session_id, voter)
);
