-- Certificates: each event's templates, printer offset and images, and every certificate issued.

-- Per event: the number prefix, the printer's offset for pre-printed paper (mm), and each kind's
-- template as validated JSON (null = the built-in one).
CREATE TABLE certificate_settings (
  event_id                  INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  offset_x_mm               REAL    NOT NULL DEFAULT 0,
  offset_y_mm               REAL    NOT NULL DEFAULT 0,
  award_template_json       TEXT,
  completion_template_json  TEXT,
  updated_at                TEXT    NOT NULL
);

-- A template's pictures: the scan of the pre-printed paper (preview only) and the seal.
CREATE TABLE certificate_images (
  event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  kind        TEXT    NOT NULL CHECK (kind IN ('award', 'completion')),
  role        TEXT    NOT NULL CHECK (role IN ('background', 'seal')),
  media_type  TEXT    NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
  data        BLOB    NOT NULL,
  updated_at  TEXT    NOT NULL,
  PRIMARY KEY (event_id, kind, role)
);

-- The register: a number is given once and kept for every reprint. The person's details are
-- what the last printed certificate said; they stay when the participant is later removed.
CREATE TABLE certificates (
  id               INTEGER PRIMARY KEY,
  event_id         INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  participant_id   INTEGER REFERENCES participants(id) ON DELETE SET NULL,
  kind             TEXT    NOT NULL CHECK (kind IN ('award', 'completion')),
  sequence         INTEGER NOT NULL CHECK (sequence > 0),
  number           TEXT    NOT NULL,
  name             TEXT    NOT NULL,
  organization     TEXT,
  award            TEXT,
  issued_on        TEXT    NOT NULL,
  first_printed_at TEXT    NOT NULL,
  last_printed_at  TEXT    NOT NULL,
  prints           INTEGER NOT NULL DEFAULT 1,
  UNIQUE (event_id, kind, participant_id),
  UNIQUE (event_id, number)
);
CREATE INDEX certificates_event ON certificates(event_id, sequence);
