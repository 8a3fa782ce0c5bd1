-- Up Migration
-- Swedish full-text search of the corpus in the database (issue 14; src/corpus/search/postgres/).
-- Every value a search needs is a generated column of `documents`, computed from the document's
-- jsonb when it is written, so the store's writes stay as they are:
--   * search_vector: the built-in `swedish` configuration (Snowball stems, Swedish stop words),
--     weighted A title; B summary, claims, proposals, questions, authors, outlet and place names
--     (the fields the embedded index scores ×1.5); C the full text. GIN-indexed.
--   * facet columns (kind, level, municipality, county, parties, topics, year) and date_key, the
--     newest-first order the embedded index breaks ties with.
-- Typo tolerance: `search_words` holds every lexeme of the corpus with the number of documents
-- holding it, kept exact by statement triggers on `documents`, with a trigram GIN index. A query
-- word whose stem no document holds is replaced by the nearest lexemes (pg_trgm similarity). The
-- vocabulary, not titles, is what gets the trigram index: a typo in a word of a summary or a
-- claim must be found too, and the vocabulary is far smaller than the texts (one row per
-- distinct stem), so the lookup stays a few index pages.
-- `unaccent` is not used: its shipped rules fold "får" into "far". motionera_fold folds case and
-- the accents of Latin letters except å, ä, ö (and Å, Ä, Ö).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- NFC, lower case, and é → e, ü → u … (ø → ö, æ → ä, as Swedish sorts them); å, ä, ö stay the
-- letters they are in Swedish.
CREATE FUNCTION motionera_fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN translate(
  lower(normalize(t, NFC)),
  'àáâãāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżžøæ',
  'aaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooorrrsssstttuuuuuuuuuuwyyyzzzöä'
);

-- The strings of a jsonb array (claims' text with a path), for the vector and the facet columns.
CREATE FUNCTION motionera_texts(a jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN jsonb_typeof(a) = 'array'
  THEN ARRAY(SELECT x FROM jsonb_array_elements_text(a) AS x) ELSE '{}'::text[] END;

CREATE FUNCTION motionera_lower_all(a text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY(SELECT lower(x) FROM unnest(a) AS x);

-- The weighted vector of a document (see above). Segments are joined by newlines.
CREATE FUNCTION motionera_document_vector(d jsonb) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN
  setweight(to_tsvector('swedish'::regconfig, motionera_fold(coalesce(d->>'title', ''))), 'A')
  || setweight(to_tsvector('swedish'::regconfig, motionera_fold(concat_ws(E'\n',
       d->>'summary',
       array_to_string(motionera_texts(jsonb_path_query_array(d, '$.arguments[*].claim')), E'\n'),
       array_to_string(motionera_texts(d->'proposals'), E'\n'),
       array_to_string(motionera_texts(d->'questions'), E'\n'),
       array_to_string(motionera_texts(jsonb_path_query_array(d, '$.authors[*].name')), E'\n'),
       d->>'outlet',
       d->'municipality'->>'name',
       d->'county'->>'name'
     ))), 'B')
  || setweight(to_tsvector('swedish'::regconfig, motionera_fold(coalesce(d->>'fullText', ''))), 'C');

-- "2023-02-21" → 20230221, "2023-02" → 20230200, "2023" → 20230000, undated → -1.
CREATE FUNCTION motionera_date_key(date text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN date ~ '^\d{4}' THEN
  substr(date, 1, 4)::integer * 10000
  + coalesce(nullif(substring(date FROM '^\d{4}-(\d{2})'), '')::integer, 0) * 100
  + coalesce(nullif(substring(date FROM '^\d{4}-\d{2}-(\d{2})'), '')::integer, 0)
ELSE -1 END;

ALTER TABLE documents
  ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (motionera_document_vector(document)) STORED,
  ADD COLUMN kind text GENERATED ALWAYS AS (document->>'kind') STORED,
  ADD COLUMN level text GENERATED ALWAYS AS (document->>'level') STORED,
  ADD COLUMN municipality_code text GENERATED ALWAYS AS (document->'municipality'->>'code') STORED,
  ADD COLUMN county_code text GENERATED ALWAYS AS (document->'county'->>'code') STORED,
  ADD COLUMN parties text[] GENERATED ALWAYS AS (motionera_texts(document->'parties')) STORED,
  ADD COLUMN topics text[] GENERATED ALWAYS AS (motionera_texts(document->'topics')) STORED,
  ADD COLUMN year integer GENERATED ALWAYS AS (nullif(motionera_date_key(document->>'date'), -1) / 10000) STORED,
  ADD COLUMN date_key integer GENERATED ALWAYS AS (motionera_date_key(document->>'date')) STORED;

CREATE INDEX documents_search_vector ON documents USING gin (search_vector);
CREATE INDEX documents_kind ON documents (kind);
CREATE INDEX documents_municipality ON documents (municipality_code);
CREATE INDEX documents_county ON documents (county_code);
CREATE INDEX documents_year ON documents (year);
CREATE INDEX documents_parties ON documents USING gin (motionera_lower_all(parties));
CREATE INDEX documents_topics ON documents USING gin (topics);
-- Newest first (a search without words lists the documents in this order).
CREATE INDEX documents_newest ON documents (date_key DESC, id);

-- The corpus vocabulary: every lexeme of search_vector, with how many documents hold it.
CREATE TABLE search_words (
  word text PRIMARY KEY,
  documents integer NOT NULL
);
CREATE INDEX search_words_trigrams ON search_words USING gin (word gin_trgm_ops);

INSERT INTO search_words (word, documents)
SELECT w.lexeme, count(*) FROM documents d, unnest(d.search_vector) AS w GROUP BY w.lexeme;

-- How many times the documents have changed: the store keeps the corpus it read (and the service
-- its search index) across writes that change facts only.
ALTER TABLE store_meta ADD COLUMN documents_revision bigint NOT NULL DEFAULT 0;

-- Statement triggers with transition tables: one upsert per statement, however many rows it wrote
-- (a corpus import of 100 000 records is one statement). A transition table belongs to one event,
-- hence one function per event.
CREATE FUNCTION motionera_search_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words AS s (word, documents)
  SELECT w.lexeme, count(*) FROM new_rows d, unnest(d.search_vector) AS w GROUP BY w.lexeme
  ON CONFLICT (word) DO UPDATE SET documents = s.documents + excluded.documents;
  UPDATE store_meta SET documents_revision = documents_revision + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION motionera_search_words_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_words s SET documents = s.documents - gone.n FROM (
    SELECT w.lexeme AS word, count(*)::integer AS n FROM old_rows d, unnest(d.search_vector) AS w GROUP BY w.lexeme
  ) gone WHERE s.word = gone.word;
  DELETE FROM search_words WHERE documents <= 0;
  UPDATE store_meta SET documents_revision = documents_revision + 1;
  RETURN NULL;
END $$;

-- An update (a re-imported document) adds its new lexemes and takes off its old ones.
CREATE FUNCTION motionera_search_words_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words AS s (word, documents)
  SELECT word, sum(n)::integer FROM (
    SELECT w.lexeme AS word, 1 AS n FROM new_rows d, unnest(d.search_vector) AS w
    UNION ALL
    SELECT w.lexeme, -1 FROM old_rows d, unnest(d.search_vector) AS w
  ) x GROUP BY word HAVING sum(n) <> 0
  ON CONFLICT (word) DO UPDATE SET documents = s.documents + excluded.documents;
  DELETE FROM search_words WHERE documents <= 0;
  UPDATE store_meta SET documents_revision = documents_revision + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER documents_search_words_insert AFTER INSERT ON documents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION motionera_search_words_add();
CREATE TRIGGER documents_search_words_delete AFTER DELETE ON documents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION motionera_search_words_remove();
CREATE TRIGGER documents_search_words_update AFTER UPDATE ON documents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION motionera_search_words_change();

-- A lexeme as tsquery input: quoted, its quotes and backslashes escaped.
CREATE FUNCTION motionera_lexeme(word text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN '''' || replace(replace(word, '\', '\\'), '''', '''''') || '''';

-- A query word as a tsquery: its stem when some document holds it, else (a typo) the nearest
-- lexemes of the vocabulary by trigram similarity, at most three, ORed; nothing when none is near.
CREATE FUNCTION motionera_word_query(word text) RETURNS tsquery
LANGUAGE sql STABLE PARALLEL SAFE
RETURN (
  WITH q AS (SELECT plainto_tsquery('swedish'::regconfig, motionera_fold(word)) AS q),
  lex AS (SELECT (SELECT min(l) FROM unnest(tsvector_to_array(to_tsvector('swedish'::regconfig,
            motionera_fold(word)))) AS l) AS l)
  SELECT CASE
    WHEN lex.l IS NULL OR length(lex.l) < 5
      OR EXISTS (SELECT 1 FROM search_words s WHERE s.word = lex.l) THEN q.q
    ELSE coalesce(
      (SELECT string_agg(motionera_lexeme(s.word), ' | ')::tsquery FROM (
         SELECT s.word FROM search_words s
         WHERE s.word % lex.l AND similarity(s.word, lex.l) >= 0.4
         ORDER BY similarity(s.word, lex.l) DESC, s.documents DESC, s.word LIMIT 3) s),
      q.q)
  END
  FROM q, lex
);

-- A word as a prefix ("prostitu" → 'prostitu':*): its Swedish stem, or (a stop word being typed,
-- "för") the word itself.
CREATE FUNCTION motionera_prefix_query(word text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (
  WITH l AS (SELECT (SELECT min(x) FROM unnest(tsvector_to_array(
      to_tsvector('swedish'::regconfig, motionera_fold(word)))) AS x) AS stem)
  SELECT CASE WHEN motionera_fold(word) = '' THEN ''::tsquery
    ELSE (motionera_lexeme(coalesce(l.stem, motionera_fold(word))) || ':*')::tsquery END
  FROM l
);

-- Down Migration
DROP FUNCTION motionera_prefix_query(text), motionera_word_query(text), motionera_lexeme(text);
DROP TRIGGER documents_search_words_update ON documents;
DROP TRIGGER documents_search_words_delete ON documents;
DROP TRIGGER documents_search_words_insert ON documents;
DROP FUNCTION motionera_search_words_change(), motionera_search_words_remove(), motionera_search_words_add();
DROP TABLE search_words;
ALTER TABLE store_meta DROP COLUMN documents_revision;
DROP INDEX documents_newest, documents_topics, documents_parties, documents_year, documents_county,
  documents_municipality, documents_kind, documents_search_vector;
ALTER TABLE documents DROP COLUMN date_key, DROP COLUMN year, DROP COLUMN topics, DROP COLUMN parties,
  DROP COLUMN county_code, DROP COLUMN municipality_code, DROP COLUMN level, DROP COLUMN kind,
  DROP COLUMN search_vector;
DROP FUNCTION motionera_date_key(text), motionera_document_vector(jsonb), motionera_lower_all(text[]),
  motionera_texts(jsonb), motionera_fold(text);
