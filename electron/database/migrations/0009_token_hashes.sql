-- Tokens leave the clear (issue 10): judges, desks and join codes are found by a hash and reprinted from a copy
-- sealed with the host key (host.key beside the database, never in it), so a backup or an archive alone holds no
-- usable token. SQL can neither hash nor seal: the clear values of an older database wait in tokens_to_seal, which
-- the host empties when it starts, before it serves (electron/services/tokens.ts sealWaitingTokens).

-- Deleted rows are overwritten, so the dropped clear columns leave no copy in free pages.
PRAGMA secure_delete = ON;
-- Rebuilding judges leaves scores pointing at no table for a moment; checked again at commit.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE tokens_to_seal (
  kind      TEXT    NOT NULL CHECK (kind IN ('judge', 'desk', 'join_code')),
  owner_id  INTEGER NOT NULL,
  secret    TEXT    NOT NULL,
  PRIMARY KEY (kind, owner_id)
);
INSERT INTO tokens_to_seal (kind, owner_id, secret) SELECT 'judge', id, token FROM judges;
INSERT INTO tokens_to_seal (kind, owner_id, secret) SELECT 'desk', id, token FROM desks WHERE token IS NOT NULL;
INSERT INTO tokens_to_seal (kind, owner_id, secret) SELECT 'join_code', judge_id, code FROM judge_join_codes;

-- desks.token is UNIQUE (DROP COLUMN refuses it) and rebuilding desks would null attendance.desk_id: kept, always NULL.
ALTER TABLE desks ADD COLUMN token_hash TEXT;
ALTER TABLE desks ADD COLUMN token_sealed TEXT;
UPDATE desks SET token = NULL;
CREATE UNIQUE INDEX desks_token_hash ON desks(token_hash);

-- judges.token is NOT NULL, so the table is rebuilt without it: its rows wait aside, the table is made anew and
-- they come back, which also settles the scores' deferred references. Dropping it deletes the conflicts (cascade):
-- they wait aside too.
DROP TABLE judge_join_codes;
CREATE TABLE judge_conflicts_0009 AS SELECT judge_id, participant_id FROM judge_conflicts;
CREATE TABLE judges_0009 AS SELECT id, event_id, name, organization, group_key, created_at FROM judges;
DROP TABLE judges;
CREATE TABLE judges (
  id            INTEGER PRIMARY KEY,
  event_id      INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name          TEXT    NOT NULL,
  organization  TEXT,
  group_key     TEXT,
  -- SHA-256 (hex) of the judge's token; NULL while the judge is shut out (停用).
  token_hash    TEXT    UNIQUE,
  -- The token sealed with the host key, to reprint the card; NULL with the hash.
  token_sealed  TEXT,
  created_at    TEXT    NOT NULL
);
CREATE INDEX judges_event ON judges(event_id, id);
INSERT INTO judges (id, event_id, name, organization, group_key, created_at)
  SELECT id, event_id, name, organization, group_key, created_at FROM judges_0009;
INSERT INTO judge_conflicts (judge_id, participant_id) SELECT judge_id, participant_id FROM judge_conflicts_0009;
DROP TABLE judges_0009;
DROP TABLE judge_conflicts_0009;

-- One join code per judge, unique on this host, keyed-hashed (a code has only 30 bits); reissuing replaces it.
CREATE TABLE judge_join_codes (
  judge_id     INTEGER PRIMARY KEY REFERENCES judges(id) ON DELETE CASCADE,
  code_hash    TEXT    NOT NULL UNIQUE,
  code_sealed  TEXT    NOT NULL,
  created_at   TEXT    NOT NULL
);
