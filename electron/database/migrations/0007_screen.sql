-- What the console asks the projector to show, per event, so a projector that reloads comes back the same.
CREATE TABLE event_screens (
  event_id    INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  mode        TEXT    NOT NULL CHECK (mode IN ('auto', 'waiting', 'speaker', 'leaderboard', 'awards', 'paused')),
  language    TEXT             CHECK (language IN ('zh-CN', 'en')),
  updated_at  TEXT    NOT NULL
);
