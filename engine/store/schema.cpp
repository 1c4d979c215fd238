#include "engine/store/schema.hpp"

namespace bran {

const std::vector<std::string>& schema_steps() {
    static const std::vector<std::string> steps = {
        // 1: sessions and their append-only answer events.
        R"sql(
CREATE TABLE aid_version (
  id            INTEGER PRIMARY KEY,
  aid_id        TEXT NOT NULL,
  version       TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  content       TEXT NOT NULL,          -- the aid file exactly as the patient was shown it
  UNIQUE (aid_id, version, content_hash)
);
CREATE TABLE session (
  id               TEXT PRIMARY KEY,    -- UUID
  aid_version_id   INTEGER NOT NULL REFERENCES aid_version(id),
  pseudonym        TEXT,
  clinician        TEXT,
  site             TEXT,
  locale           TEXT NOT NULL,
  started_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('in-progress', 'completed', 'abandoned')),
  step             TEXT NOT NULL,       -- where the patient is, to resume
  -- Per-session audit facts (engine/audit/assessment), recomputed from the answers at every event
  -- so that the audit is one pass over this table.
  choice           TEXT,                -- decision if recorded, else leaning
  concordance      INTEGER,             -- 1 concordant, 0 discordant, NULL not assessable
  knowledge_correct  INTEGER NOT NULL DEFAULT 0,
  knowledge_answered INTEGER NOT NULL DEFAULT 0,
  knowledge_adequate INTEGER,           -- NULL not assessable
  informed_choice  INTEGER,             -- NULL not assessable
  sure_score       INTEGER,             -- NULL unless all four answered
  event_count      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX session_by_aid ON session (aid_version_id);
CREATE TABLE event (
  n           INTEGER PRIMARY KEY,      -- order of recording across the database
  session_id  TEXT NOT NULL REFERENCES session(id),
  seq         INTEGER NOT NULL,         -- 1, 2, ... within the session
  at          TEXT NOT NULL,            -- ISO 8601 with offset
  setting     TEXT NOT NULL CHECK (setting IN ('home', 'clinic', 'kiosk', 'import')),
  step        TEXT NOT NULL,
  item        TEXT NOT NULL,            -- linkId of the answer (session-record.md), or 'status'
  old_value   TEXT,                     -- JSON, NULL when there was none
  new_value   TEXT,                     -- JSON, NULL when cleared
  mac         BLOB NOT NULL,            -- keyed hash chain (audit verify)
  UNIQUE (session_id, seq)
);
)sql",
        // 2: settings of this installation, such as the clinician PIN's hash.
        R"sql(
CREATE TABLE setting (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
)sql",
        // 3: the audit reads only these columns of every session; a covering index lets it scan
        // them alone, about half the bytes of the table (bran audit on 10^6 sessions: 0.9 s -> 0.5 s).
        R"sql(
CREATE INDEX session_audit ON session (status, choice, concordance, knowledge_adequate, informed_choice,
                                       sure_score, clinician, site, started_at, aid_version_id);
)sql",
        // 4: the audit's home-to-clinic figures start from the sessions begun at home, a few among
        // many; this index lists just those (partial indexes: SQLite 3.8 and PostgreSQL alike).
        R"sql(
CREATE INDEX event_at_home ON event (session_id) WHERE setting = 'home';
)sql",
        // 5: each session's facts (aid, clinician, site, start) are its first event in the chain,
        // so verify covers everything the audit counts. Sessions recorded before have none yet:
        // the next bran that records here (it has the key) chains them as they stand.
        R"sql(
INSERT INTO setting (key, value) SELECT 'sessions_to_seal', 'recorded before schema 5' WHERE EXISTS (SELECT 1 FROM session);
)sql",
        // 6: concordance by docs/value-concordance.md, where 2 is "no clear fit". Sessions
        // recorded before carry the older rule's facts: the first bran that records here assesses
        // them again from their answers (engine/store/reassess).
        R"sql(
INSERT INTO setting (key, value) SELECT 'sessions_to_reassess', 'recorded before schema 6' WHERE EXISTS (SELECT 1 FROM session);
)sql",
    };
    return steps;
}

}  // namespace bran
