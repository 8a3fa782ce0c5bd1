-- Up Migration
-- Writers no longer queue on one row (issue 14, write figures): the revision is the number of
-- writes committed, kept in 64 counters; each write raises the one of its connection
-- (backend pid % 64), so concurrent writers rarely meet. In any snapshot the sum counts exactly
-- the writes it sees, and writes only add, so two snapshots with the same sum see the same data.
CREATE TABLE store_revision (
  shard smallint PRIMARY KEY CHECK (shard >= 0 AND shard < 64),
  writes bigint NOT NULL DEFAULT 0
);
INSERT INTO store_revision (shard, writes) SELECT s, 0 FROM generate_series(0, 63) AS s;
UPDATE store_revision SET writes = (SELECT revision FROM store_meta) WHERE shard = 0;

-- Raised by the writes that change the key catalog only (they run alone), so a reader whose
-- cached keys are still current need not read them again after every fact written.
ALTER TABLE store_meta ADD COLUMN keys_revision bigint NOT NULL DEFAULT 0;

-- Audit entries numbered by a sequence: fact writes for different id bases now commit side by
-- side, so "the greatest number plus one" would give two of them the same. A copy (db copy)
-- inserts its numbers and moves the sequence past them.
CREATE SEQUENCE audit_log_seq OWNED BY audit_log.seq;
SELECT setval('audit_log_seq', coalesce((SELECT max(seq) FROM audit_log), 0) + 1, false);
ALTER TABLE audit_log ALTER COLUMN seq SET DEFAULT nextval('audit_log_seq');

-- Down Migration
ALTER TABLE audit_log ALTER COLUMN seq DROP DEFAULT;
DROP SEQUENCE audit_log_seq;
UPDATE store_meta SET revision = (SELECT sum(writes) FROM store_revision);
ALTER TABLE store_meta DROP COLUMN keys_revision;
DROP TABLE store_revision;
