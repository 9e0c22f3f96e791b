-- Issued documents: every form (TT 03/2025 / TT 01/2018 sets) and result document MotCua issues, stored once and
-- immutable. The bytes live in the content store under their SHA-256 (storage_key); the row records the hash, the
-- size and the event that produced it. A later version (e.g. re-issued) points to its successor through
-- replaced_by; signed versions are recorded by the signing module in its own tables against these ids.

CREATE TABLE issued_document (
  id uuid PRIMARY KEY,
  dossier_id uuid REFERENCES dossier (id),
  -- the event that issued it (forms 01–05, results); null for documents drawn from several events (ledger)
  event_id uuid REFERENCES dossier_event (id),
  kind text NOT NULL CHECK (kind IN ('receipt', 'supplement_request', 'refusal', 'apology_extension', 'stop_notice',
    'control_sheet', 'ledger', 'result')),
  form_set text,
  form_number text,
  title text NOT NULL,
  -- the number and symbol printed after "Số:" (e.g. 15/PBS-BPTNTKQ); null for documents without one
  document_number text,
  -- the agency that issued it (its desk for forms), for scoping and for its number sequence
  issuing_agency_id uuid NOT NULL REFERENCES agency (id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text NOT NULL,
  size_bytes int NOT NULL CHECK (size_bytes > 0),
  media_type text NOT NULL,
  -- 'rendered' from dossier data, or 'uploaded' (a result PDF an officer uploaded)
  origin text NOT NULL CHECK (origin IN ('rendered', 'uploaded')),
  -- results: approved by the leader before signing; forms are issued as they are rendered
  approved_at timestamptz,
  approved_by text,
  replaced_by uuid REFERENCES issued_document (id),
  created_at timestamptz NOT NULL,
  created_by text NOT NULL
);
-- one document of each kind per event: a retried render never stores two
CREATE UNIQUE INDEX issued_document_event_kind_idx ON issued_document (event_id, kind) WHERE event_id IS NOT NULL;
CREATE INDEX issued_document_dossier_idx ON issued_document (dossier_id, created_at);
CREATE INDEX issued_document_sha256_idx ON issued_document (sha256);

-- The content of an issued document never changes: only replaced_by and the approval may be set, once.
CREATE FUNCTION issued_document_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'issued_document rows are never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.id <> OLD.id OR NEW.sha256 <> OLD.sha256 OR NEW.storage_key <> OLD.storage_key OR NEW.size_bytes <> OLD.size_bytes
      OR NEW.kind <> OLD.kind OR NEW.dossier_id IS DISTINCT FROM OLD.dossier_id OR NEW.event_id IS DISTINCT FROM OLD.event_id
      OR NEW.document_number IS DISTINCT FROM OLD.document_number OR NEW.created_at <> OLD.created_at
      OR (OLD.replaced_by IS NOT NULL AND NEW.replaced_by IS DISTINCT FROM OLD.replaced_by)
      OR (OLD.approved_at IS NOT NULL AND (NEW.approved_at IS DISTINCT FROM OLD.approved_at OR NEW.approved_by IS DISTINCT FROM OLD.approved_by)) THEN
      RAISE EXCEPTION 'issued_document content is immutable' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END;
  $$;
CREATE TRIGGER issued_document_immutable BEFORE UPDATE OR DELETE ON issued_document
  FOR EACH ROW EXECUTE FUNCTION issued_document_immutable();

-- Document numbers per issuing agency, year and kind (NĐ 30/2020: numbering restarts each year).
CREATE TABLE issued_document_sequence (
  issuing_agency_id uuid NOT NULL REFERENCES agency (id),
  year int NOT NULL,
  kind text NOT NULL,
  last_number int NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (issuing_agency_id, year, kind)
);
