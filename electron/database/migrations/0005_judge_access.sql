-- How judges reach the host: the venue address their cards carry, and a short code to type when a QR fails.

-- Settings of this installation (not of an event) that must survive a restart, e.g. the chosen venue address.
CREATE TABLE host_settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- One join code per judge, unique on this host; a reissued token replaces the row's code.
CREATE TABLE judge_join_codes (
  judge_id    INTEGER PRIMARY KEY REFERENCES judges(id) ON DELETE CASCADE,
  code        TEXT    NOT NULL UNIQUE,
  created_at  TEXT    NOT NULL
);
