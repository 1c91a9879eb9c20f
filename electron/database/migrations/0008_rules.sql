-- 解除锁定: once a speaker is locked the rules that change results are frozen; an organiser may lift that, with a
-- reason (audited), for one edit. A row is that leave, pending: a save that changes results removes it, and it
-- lapses when another speaker is locked (`locked` is how many were locked or revealed when it was given).
CREATE TABLE rules_unfreezes (
  event_id    INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  reason      TEXT    NOT NULL,
  locked      INTEGER NOT NULL,
  at          TEXT    NOT NULL
);
