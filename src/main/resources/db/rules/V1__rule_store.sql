-- The shared rule store (PostgreSQL): what every replica serves, and how it got there.

-- Each file's bytes, once, named by their SHA-256 (content-addressed: a table saved twice is stored once).
CREATE TABLE rule_blob (
    sha256  CHAR(64) NOT NULL PRIMARY KEY,
    content BYTEA    NOT NULL
);

-- A version of a domain: its id is the hash of its files (DomainBundle.versionOf), listed below.
CREATE TABLE rule_version (
    domain_id VARCHAR(100) NOT NULL,
    version   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (domain_id, version)
);

CREATE TABLE rule_version_file (
    domain_id VARCHAR(100) NOT NULL,
    version   VARCHAR(64)  NOT NULL,
    path      VARCHAR(500) NOT NULL,
    size      BIGINT       NOT NULL,
    sha256    CHAR(64)     NOT NULL REFERENCES rule_blob (sha256),
    PRIMARY KEY (domain_id, version, path),
    FOREIGN KEY (domain_id, version) REFERENCES rule_version (domain_id, version)
);

-- Every time a version went live: a publish, a rollback, an import.
CREATE TABLE rule_history (
    entry_id         BIGSERIAL                PRIMARY KEY,
    domain_id        VARCHAR(100)             NOT NULL,
    version          VARCHAR(64)              NOT NULL,
    at               TIMESTAMP WITH TIME ZONE NOT NULL,
    action           VARCHAR(50)              NOT NULL,
    published_by     VARCHAR(200),
    message          VARCHAR,
    previous_version VARCHAR(64),
    code_changes     VARCHAR                  NOT NULL, -- a JSON array of text
    FOREIGN KEY (domain_id, version) REFERENCES rule_version (domain_id, version)
);
CREATE INDEX rule_history_domain ON rule_history (domain_id, entry_id);

-- A version passing the gate (compile, checks, scenarios), by which SMOS build.
CREATE TABLE rule_gate (
    domain_id VARCHAR(100)             NOT NULL,
    version   VARCHAR(64)              NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    scenarios INTEGER                  NOT NULL,
    build     VARCHAR(200)             NOT NULL,
    FOREIGN KEY (domain_id, version) REFERENCES rule_version (domain_id, version)
);
CREATE INDEX rule_gate_version ON rule_gate (domain_id, version, at);

-- The version each domain serves: the row a publish compares and sets.
CREATE TABLE rule_active (
    domain_id VARCHAR(100) NOT NULL PRIMARY KEY,
    version   VARCHAR(64)  NOT NULL,
    entry_id  BIGINT       NOT NULL REFERENCES rule_history (entry_id),
    FOREIGN KEY (domain_id, version) REFERENCES rule_version (domain_id, version)
);
