-- Up Migration
-- Named API tokens and the audit log (issue 14, "People"), the shapes of src/domain/api-token.ts
-- and src/domain/audit.ts; every row is validated by the domain's zod schema when read back.

-- Named API tokens: the SHA-256 of the secret (hex), never the secret. A revoked token stays,
-- so its name is never reused and the audit log keeps pointing at the right one.
CREATE TABLE api_tokens (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  name text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('read', 'write', 'admin')),
  hash text NOT NULL UNIQUE,
  -- ISO timestamps as recorded (kept as written, so a copy between engines is lossless).
  created_at text NOT NULL,
  created_by jsonb NOT NULL,
  revoked_at text
);

-- One entry per write, made in the write's transaction. `seq` numbers the entries (a sequence since
-- the revision-shards migration); a copy keeps the numbers.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at text NOT NULL,
  actor jsonb NOT NULL,
  action text NOT NULL,
  count integer NOT NULL,
  ids text[] NOT NULL,
  subjects text[] NOT NULL
);
-- "Which writes touched this fact / this municipality", newest first.
CREATE INDEX audit_log_ids ON audit_log USING gin (ids);
CREATE INDEX audit_log_subjects ON audit_log USING gin (subjects);

-- Down Migration
DROP TABLE audit_log, api_tokens;
