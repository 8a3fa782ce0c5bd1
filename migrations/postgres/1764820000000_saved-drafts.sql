-- Up Migration
-- Saved drafts (issue 16), the shape of src/domain/saved-draft.ts: each draft is one row, its
-- versions inside the document (validated by the domain's zod schema when read back). A new
-- version rewrites the row in a write that holds the store's lock alone, so versions never race.

CREATE TABLE saved_drafts (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  -- 128 random bits, base64url: the link that is shared.
  id text PRIMARY KEY,
  -- The actor names of whoever made it or saved a version ("drafts by this actor").
  actors text[] NOT NULL,
  -- The newest version's time (ISO, as recorded): listings are newest first.
  saved_at text NOT NULL,
  draft jsonb NOT NULL
);
CREATE INDEX saved_drafts_actors ON saved_drafts USING gin (actors);

-- Down Migration
DROP TABLE saved_drafts;
