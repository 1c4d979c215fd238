#include "engine/central/central_schema.hpp"

namespace bran {

const std::vector<std::string>& central_schema_steps() {
    // The audit's queries (audit/report.cpp) run unchanged here: the tables and columns they read
    // have the names and kinds of the site schema (store/schema.cpp), times kept as ISO text.
    static const std::vector<std::string> steps = {
        R"sql(
CREATE TABLE bran.aid_version (
  id            BIGSERIAL PRIMARY KEY,
  aid_id        TEXT NOT NULL,
  version       TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  content       TEXT NOT NULL,
  UNIQUE (aid_id, version, content_hash)
);
-- Which login role may push as which site (the database administrator fills it in).
CREATE TABLE bran.site_role (
  site  TEXT NOT NULL,
  role  NAME NOT NULL,
  PRIMARY KEY (site, role)
);
-- Each site's public key, registered by its first push: it signs every chain head it sends.
CREATE TABLE bran.site_key (
  source      TEXT COLLATE "C" PRIMARY KEY,
  public_key  BYTEA NOT NULL
);
-- Text that is compared or sorted is in byte order (COLLATE "C"), as SQLite compares it, so
-- that the same query puts rows in the same order over both databases.
CREATE TABLE bran.session (
  id                 TEXT COLLATE "C" PRIMARY KEY,
  source             TEXT COLLATE "C" NOT NULL REFERENCES bran.site_key(source),  -- the site that pushed it
  aid_version_id     BIGINT NOT NULL REFERENCES bran.aid_version(id),
  pseudonym          TEXT,
  clinician          TEXT COLLATE "C",
  site               TEXT COLLATE "C",
  locale             TEXT NOT NULL,
  started_at         TEXT COLLATE "C" NOT NULL,
  updated_at         TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('in-progress', 'completed', 'abandoned')),
  step               TEXT NOT NULL,
  choice             TEXT COLLATE "C",
  concordance        INTEGER,
  knowledge_correct  INTEGER NOT NULL DEFAULT 0,
  knowledge_answered INTEGER NOT NULL DEFAULT 0,
  knowledge_adequate INTEGER,
  informed_choice    INTEGER,
  sure_score         INTEGER,
  event_count        INTEGER NOT NULL DEFAULT 0,
  -- status and the four facts above in one code (audit/report.hpp, pack_audit_facts), which the
  -- audit counts by: one small column to group on instead of five
  audit_facts        SMALLINT NOT NULL
);
CREATE INDEX session_by_source ON bran.session (source);
-- A site's events keep the numbers and links of the site's own chain.
CREATE TABLE bran.event (
  source      TEXT COLLATE "C" NOT NULL REFERENCES bran.site_key(source),
  n           BIGINT NOT NULL,
  session_id  TEXT COLLATE "C" NOT NULL,
  seq         INTEGER NOT NULL,
  at          TEXT NOT NULL,
  setting     TEXT NOT NULL,
  step        TEXT NOT NULL,
  item        TEXT NOT NULL,
  old_value   TEXT,
  new_value   TEXT,
  mac         BYTEA NOT NULL,
  digest      BYTEA NOT NULL,               -- the push digest up to this event (push.hpp)
  PRIMARY KEY (source, n),
  UNIQUE (session_id, seq)
);
CREATE INDEX event_at_home ON bran.event (session_id) WHERE setting = 'home';
-- Every push: the site's chain head, a digest of all its events up to it that anyone can
-- recompute, and the site's signature over both. Only ever added to.
CREATE TABLE bran.push (
  source     TEXT NOT NULL REFERENCES bran.site_key(source),
  head_n     BIGINT NOT NULL,
  head_mac   BYTEA NOT NULL,
  digest     BYTEA NOT NULL,
  signature  BYTEA NOT NULL,
  pushed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  pushed_by  NAME NOT NULL DEFAULT current_user,
  PRIMARY KEY (source, head_n)
);
)sql",
        // Roles: bran_site (its members push, each only as the sites site_role gives it) and
        // bran_auditor (reads everything, writes nothing). Row-level security keeps a site's
        // role to its own rows; the owner, who runs db init, is not bound by it.
        R"sql(
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bran_site') THEN CREATE ROLE bran_site NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bran_auditor') THEN CREATE ROLE bran_auditor NOLOGIN; END IF;
END $$;
GRANT USAGE ON SCHEMA bran TO bran_site, bran_auditor;
GRANT SELECT ON ALL TABLES IN SCHEMA bran TO bran_auditor;
GRANT SELECT ON bran.schema_version, bran.site_role TO bran_site;
GRANT SELECT, INSERT ON bran.aid_version, bran.site_key, bran.event, bran.push TO bran_site;
GRANT SELECT, INSERT, UPDATE ON bran.session TO bran_site;
GRANT USAGE ON SEQUENCE bran.aid_version_id_seq TO bran_site;

ALTER TABLE bran.site_role ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_roles ON bran.site_role TO bran_site USING (role = current_user);
CREATE POLICY read_all ON bran.site_role FOR SELECT TO bran_auditor USING (true);
)sql" + []() {
            std::string sql;
            for (const char* table : {"site_key", "session", "event", "push"}) {
                const std::string t = table;
                sql += "ALTER TABLE bran." + t + " ENABLE ROW LEVEL SECURITY;\n";
                sql += "CREATE POLICY own_site ON bran." + t +
                       " TO bran_site USING (source IN (SELECT site FROM bran.site_role WHERE role = current_user))"
                       " WITH CHECK (source IN (SELECT site FROM bran.site_role WHERE role = current_user));\n";
                sql += "CREATE POLICY read_all ON bran." + t + " FOR SELECT TO bran_auditor USING (true);\n";
            }
            return sql;
        }(),
        // Records brought to the central database on a stick must not carry a session another
        // site already sent (it is that site's). Row-level security hides other sites' rows from a
        // site's role, so this function, run as the owner, says which of the given ids another
        // site holds, and nothing else. (Its parameters are used by number: in the body, a column
        // of the same name, session.site, would win over the parameter `site`.)
        R"sql(
CREATE FUNCTION bran.sessions_held_elsewhere(ids TEXT[], site TEXT) RETURNS TABLE (id TEXT, source TEXT)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, bran
  AS $$ SELECT s.id, s.source FROM bran.session s WHERE s.id = ANY ($1) AND s.source <> $2 ORDER BY s.id $$;
REVOKE ALL ON FUNCTION bran.sessions_held_elsewhere(TEXT[], TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bran.sessions_held_elsewhere(TEXT[], TEXT) TO bran_site, bran_auditor;
)sql",
    };
    return steps;
}

namespace {
int applied_version(PgConnection& db) {
    PgQuery exists = db.query("SELECT to_regclass('bran.schema_version') IS NOT NULL");
    if (!exists.step() || exists.text_view(0) != "t") return 0;
    exists.reset();
    PgQuery version = db.query("SELECT version FROM bran.schema_version");
    return version.step() ? static_cast<int>(version.integer(0)) : 0;
}
}  // namespace

InitReport init_central(PgConnection& db) {
    PgTransaction transaction(db);
    // Two inits at once: the second waits, then finds the schema current.
    db.exec("SELECT pg_advisory_xact_lock(4252414)");
    db.exec("CREATE SCHEMA IF NOT EXISTS bran");
    db.exec("CREATE TABLE IF NOT EXISTS bran.schema_version (version INTEGER NOT NULL)");
    InitReport report;
    report.from = applied_version(db);
    const auto& steps = central_schema_steps();
    if (report.from > static_cast<int>(steps.size())) {
        db.fail("its bran schema is version " + std::to_string(report.from) + ", newer than this bran knows (" +
                std::to_string(steps.size()) + "): use a newer bran; nothing was changed");
    }
    for (std::size_t i = static_cast<std::size_t>(report.from); i < steps.size(); ++i) db.exec(steps[i]);
    db.exec("DELETE FROM bran.schema_version");
    db.query("INSERT INTO bran.schema_version (version) VALUES (?1)").bind(1, static_cast<std::int64_t>(steps.size())).run();
    transaction.commit();
    report.to = static_cast<int>(steps.size());
    return report;
}

void require_current_central_schema(PgConnection& db) {
    const int version = applied_version(db);
    const int current = central_schema_version();
    if (version == 0) db.fail("it has no bran schema (its owner runs `bran db init --db URI` first)");
    if (version < current) {
        db.fail("its bran schema is version " + std::to_string(version) + ", older than this bran's (" +
                std::to_string(current) + "): its owner runs `bran db init --db URI` to migrate it");
    }
    if (version > current) {
        db.fail("its bran schema is version " + std::to_string(version) + ", newer than this bran knows (" +
                std::to_string(current) + "): use a newer bran");
    }
}

}  // namespace bran
