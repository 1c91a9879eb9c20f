-- The contest: rules, judges, the run of show, raw scores and the audit trail.

-- Rubric, rules, timer, awards and the draw of one event, as validated JSON (settings, not scores).
CREATE TABLE contest_settings (
  event_id     INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  rubric_json  TEXT,
  awards_json  TEXT,
  order_json   TEXT,
  draw_seed    TEXT,
  updated_at   TEXT NOT NULL
);

CREATE TABLE judges (
  id            INTEGER PRIMARY KEY,
  event_id      INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name          TEXT    NOT NULL,
  organization  TEXT,
  group_key     TEXT,
  token         TEXT    NOT NULL UNIQUE,
  created_at    TEXT    NOT NULL
);
CREATE INDEX judges_event ON judges(event_id, id);

CREATE TABLE judge_conflicts (
  judge_id        INTEGER NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
  participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  PRIMARY KEY (judge_id, participant_id)
);

-- A participant's turn; a row exists from the moment it is started.
CREATE TABLE performances (
  id                  INTEGER PRIMARY KEY,
  event_id            INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  participant_id      INTEGER NOT NULL REFERENCES participants(id),
  status              TEXT    NOT NULL CHECK (status IN ('speaking', 'scoring', 'locked', 'revealed')),
  started_at          TEXT    NOT NULL,
  finished_at         TEXT,
  locked_at           TEXT,
  revealed_at         TEXT,
  overtime_seconds    INTEGER NOT NULL DEFAULT 0,
  deduction           INTEGER NOT NULL DEFAULT 0,  -- hundredths of a point
  deduction_reason    TEXT,
  UNIQUE (event_id, participant_id)
);

-- What judges entered: one value per judge × performance × criterion, in hundredths.
CREATE TABLE scores (
  performance_id  INTEGER NOT NULL REFERENCES performances(id),
  judge_id        INTEGER NOT NULL REFERENCES judges(id),
  criterion_key   TEXT    NOT NULL,
  value           INTEGER NOT NULL CHECK (value >= 0),
  updated_at      TEXT    NOT NULL,
  PRIMARY KEY (performance_id, judge_id, criterion_key)
);

-- Each accepted submission once, so a resent one is recognised and not written twice.
CREATE TABLE score_submissions (
  submission_id   TEXT    PRIMARY KEY,
  judge_id        INTEGER NOT NULL REFERENCES judges(id),
  performance_id  INTEGER NOT NULL REFERENCES performances(id),
  total           INTEGER NOT NULL,
  received_at     TEXT    NOT NULL
);

CREATE TABLE audit_log (
  id              INTEGER PRIMARY KEY,
  event_id        INTEGER NOT NULL,
  at              TEXT    NOT NULL,
  actor           TEXT    NOT NULL,
  action          TEXT    NOT NULL,
  participant_id  INTEGER,
  judge_id        INTEGER,
  before_json     TEXT,
  after_json      TEXT,
  reason          TEXT,
  submission_id   TEXT
);
CREATE INDEX audit_event ON audit_log(event_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
