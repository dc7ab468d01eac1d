-- The decision log: one row per decision or refused request, keyed by its decision id (UUIDv7, so the
-- key sorts by time). Plain SQL that H2 2 and PostgreSQL read alike: VARCHAR without a length is
-- unbounded in both.
CREATE TABLE audit_decision (
    decision_id     VARCHAR(36)              NOT NULL PRIMARY KEY,
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    domain_id       VARCHAR(100)             NOT NULL,
    ruleset_version VARCHAR(64),
    caller          VARCHAR(200)             NOT NULL,
    status          INTEGER                  NOT NULL,
    duration_micros BIGINT,
    request_json    VARCHAR,
    decision_json   VARCHAR,
    trace_json      VARCHAR,
    problem_json    VARCHAR,
    body_prefix     VARCHAR,
    body_sha256     VARCHAR(64)
);
CREATE INDEX audit_decision_domain_time ON audit_decision (domain_id, decided_at);
CREATE INDEX audit_decision_time ON audit_decision (decided_at);

-- Each erasure is on record: who, when, which field and how many records; never the value.
CREATE TABLE audit_erasure (
    erasure_id VARCHAR(36)              NOT NULL PRIMARY KEY,
    erased_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_by  VARCHAR(200)             NOT NULL,
    domain_id  VARCHAR(100),
    field_path VARCHAR(500)             NOT NULL,
    records    INTEGER                  NOT NULL
);
