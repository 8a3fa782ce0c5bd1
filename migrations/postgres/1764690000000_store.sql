-- Up Migration
-- The store's tables (issue 14, first step), run by node-pg-migrate (`motionera db migrate`).
-- The data keep the domain's shapes (src/domain/fact.ts, fact-key.ts, corpus-document.ts): each
-- row is validated by the domain's zod schema when written and again when read back.

-- One row: which database this is and its revision, raised by every write (Store.revision()).
CREATE TABLE store_meta (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  instance uuid NOT NULL DEFAULT gen_random_uuid(),
  revision bigint NOT NULL DEFAULT 0,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO store_meta DEFAULT VALUES;

-- Facts with their history: a new value is a new row, never an update. `seq` keeps the order
-- they were recorded in; ids compare byte by byte (COLLATE "C") so the next free id of a
-- subject.key.asOf is found by a range on the index.
CREATE TABLE facts (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text COLLATE "C" PRIMARY KEY,
  subject text NOT NULL,
  key text NOT NULL,
  value jsonb NOT NULL,
  -- A partial date ("2024", "2024-06", "2024-06-30"), null when no source dates the value.
  as_of text,
  since text,
  source jsonb NOT NULL,
  note text,
  -- The ISO timestamp as recorded (kept as written, so a copy between engines is lossless).
  recorded_at text NOT NULL,
  -- sha-256 of the statement (subject, key, as-of, value, source): the same statement is stored once.
  statement_hash text NOT NULL
);
CREATE INDEX facts_subject_key ON facts (subject, key);
CREATE INDEX facts_statement_hash ON facts (statement_hash);

-- The fact-key catalog, in catalog order.
CREATE TABLE fact_keys (
  key text PRIMARY KEY,
  position integer NOT NULL UNIQUE,
  definition jsonb NOT NULL
);

-- The shipped keys this database has been offered (each is added once; then the user's edits stand).
CREATE TABLE shipped_keys_offered (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  key text PRIMARY KEY
);

-- Corpus documents; a replaced document keeps its place (`seq`).
CREATE TABLE documents (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY,
  document jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE documents, shipped_keys_offered, fact_keys, facts, store_meta;
