-- Up Migration
-- Filed documents (ärenden) with their history, and the council meetings their deadlines are
-- counted to (issue 18), the shapes of src/domain/filing.ts; every row is validated by the
-- domain's zod schema when read back. A filing is kept whole (its events in order) as jsonb:
-- a step is a new event appended to it, never an edit of an old one.
CREATE TABLE filings (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY,
  municipality text NOT NULL,
  filing jsonb NOT NULL
);
CREATE INDEX filings_municipality ON filings (municipality);

-- One row per meeting: municipality, date and body (compared in lower case) name it once.
CREATE TABLE council_meetings (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  municipality text NOT NULL,
  date text NOT NULL,
  body_key text NOT NULL,
  meeting jsonb NOT NULL,
  PRIMARY KEY (municipality, date, body_key)
);

-- Down Migration
DROP TABLE council_meetings, filings;
