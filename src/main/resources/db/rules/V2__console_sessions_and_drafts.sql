-- The web console's state, shared by the replicas like the rules: a person signed in on one replica is
-- signed in on every one, and a change uploaded on one opens and publishes on another.

-- A signed-in person. The row is named by the SHA-256 of the session id (the cookie's secret), never the
-- id itself, so a copy of the table signs nobody in. Expired rows are removed when read, and at sign-in.
CREATE TABLE console_session (
    id_sha256 CHAR(64)                 NOT NULL PRIMARY KEY,
    name      VARCHAR(200)             NOT NULL,
    role      VARCHAR(20)              NOT NULL,
    csrf      VARCHAR(100)             NOT NULL,
    expires   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX console_session_expires ON console_session (expires);

-- A change uploaded in the console, not yet published or discarded: the version it was made on (the base
-- its publish names), who uploaded it and when. What the gate says of it is worked out when it is shown.
CREATE TABLE console_draft (
    draft_id     VARCHAR(36)              NOT NULL PRIMARY KEY,
    domain_id    VARCHAR(100)             NOT NULL,
    base_version VARCHAR(64),
    author       VARCHAR(200)             NOT NULL,
    created      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX console_draft_domain ON console_draft (domain_id, created);

-- Its files as uploaded, in upload order. Kept here rather than in rule_blob: a discarded draft's bytes
-- go with it, and rule_blob holds only what some version names.
CREATE TABLE console_draft_file (
    draft_id VARCHAR(36)  NOT NULL REFERENCES console_draft (draft_id) ON DELETE CASCADE,
    position INTEGER      NOT NULL,
    name     VARCHAR(500) NOT NULL,
    content  BYTEA        NOT NULL,
    PRIMARY KEY (draft_id, position)
);
