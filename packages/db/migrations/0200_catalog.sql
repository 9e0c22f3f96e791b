-- Procedure catalogue: fields, procedures, immutable published versions (a dossier refers to a version id and a
-- case id for ever), drafts under review, inter-agency groups.
--
-- A version's content (cases, time limits, fees, required documents, internal workflows, legal basis …) is one
-- jsonb snapshot written once; the columns beside it are copies of what listing shows and search filters on, so a
-- listing never reads the snapshot. Search runs on `name_search`, the name normalised by the application
-- (diacritics removed, đ → d, kí/ký made equal): its words in a full-text index ('simple' configuration: no
-- stemming, no stop words), and every word once in `procedure_search_word`, against which a query's misspelt words
-- are corrected. Same text, same results on PGlite and PostgreSQL, whatever their unaccent rules or locale.

CREATE TABLE procedure_field (
  code text PRIMARY KEY CHECK (code ~ '^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$'),
  name text NOT NULL,
  -- true for codes we minted because the official MX1X2-LV code is not known (prefix Z, which no ministry has)
  is_code_placeholder boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE procedure (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Z][0-9A-Z.-]{2,39}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE procedure_version (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  procedure_id uuid NOT NULL REFERENCES procedure (id),
  version_no int NOT NULL CHECK (version_no >= 1),
  content jsonb NOT NULL,
  effective_from date NOT NULL,
  -- set once, when the next version is published; the day before that version takes effect
  effective_to date,
  published_at timestamptz NOT NULL,
  published_by text,
  change_note text,
  -- copies of the content for listing and search
  code text NOT NULL,
  name text NOT NULL,
  name_search text NOT NULL,
  field_code text NOT NULL REFERENCES procedure_field (code),
  field_name text NOT NULL,
  levels text[] NOT NULL,
  online_level text CHECK (online_level IN ('full', 'partial', 'none')),
  competent_agency_name text NOT NULL,
  -- [{amount, unit, channels}] of every case, for the listing
  time_summary jsonb NOT NULL,
  is_verified boolean NOT NULL,
  agency_ids uuid[] NOT NULL DEFAULT '{}',
  agency_rules text[] NOT NULL DEFAULT '{}',
  UNIQUE (procedure_id, version_no),
  -- a version replaced on the day it took effect has an empty period: effective_to = effective_from - 1
  CHECK (effective_to IS NULL OR effective_to >= effective_from - 1)
);
CREATE INDEX procedure_version_words_idx ON procedure_version USING gin (to_tsvector('simple', name_search));
CREATE INDEX procedure_version_procedure_idx ON procedure_version (procedure_id, version_no DESC);
CREATE INDEX procedure_version_code_idx ON procedure_version (code, version_no DESC);
CREATE INDEX procedure_version_field_idx ON procedure_version (field_code);

-- Every word of every published name, for correcting misspelt query words (looked up by first letter and length).
CREATE TABLE procedure_search_word (
  word text PRIMARY KEY CHECK (word ~ '^[a-z0-9]+$')
);
CREATE INDEX procedure_search_word_shape_idx ON procedure_search_word (left(word, 1), length(word));

-- Versions are immutable: the only change ever allowed is closing the validity period once.
CREATE FUNCTION procedure_version_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND OLD.effective_to IS NULL AND NEW.effective_to IS NOT NULL
       AND (to_jsonb(NEW) - 'effective_to') = (to_jsonb(OLD) - 'effective_to') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'procedure_version is immutable: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
  END
  $$;
CREATE TRIGGER procedure_version_no_change BEFORE UPDATE OR DELETE ON procedure_version
  FOR EACH ROW EXECUTE FUNCTION procedure_version_immutable();

CREATE TABLE procedure_draft (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[0-9A-Z][0-9A-Z.-]{2,39}$'),
  base_version_id uuid REFERENCES procedure_version (id),
  content jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('editing', 'in_review', 'published', 'discarded')),
  row_version int NOT NULL DEFAULT 1,
  review_note text,
  published_version_id uuid REFERENCES procedure_version (id),
  created_by text,
  created_at timestamptz NOT NULL,
  updated_by text,
  updated_at timestamptz NOT NULL,
  CHECK ((status = 'published') = (published_version_id IS NOT NULL))
);
-- one open draft per procedure
CREATE UNIQUE INDEX procedure_draft_open_idx ON procedure_draft (code) WHERE status IN ('editing', 'in_review');
CREATE INDEX procedure_draft_status_idx ON procedure_draft (status, updated_at DESC);

CREATE TABLE inter_agency_group (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('sequential', 'parallel')),
  time_limit jsonb NOT NULL,
  participants jsonb NOT NULL,
  legal_basis text,
  row_version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE inter_agency_group_procedure (
  group_id uuid NOT NULL REFERENCES inter_agency_group (id) ON DELETE CASCADE,
  procedure_code text NOT NULL REFERENCES procedure (code),
  position int NOT NULL,
  PRIMARY KEY (group_id, procedure_code)
);
CREATE INDEX inter_agency_group_procedure_code_idx ON inter_agency_group_procedure (procedure_code);
