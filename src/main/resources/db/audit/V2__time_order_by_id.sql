-- The log's time order is its primary key: a decision id is a UUIDv7, given when the request was taken, so
-- searches, impact windows and retention read a range of ids. The two indexes on time only slowed every
-- insert (each a second and third tree to keep, and on the embedded log the garbage whose collection was
-- most of a decision's slowest answers).
DROP INDEX IF EXISTS audit_decision_domain_time;
DROP INDEX IF EXISTS audit_decision_time;
