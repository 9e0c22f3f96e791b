-- Digital signatures: the per-agency certificate store (private keys sealed with AES-256-GCM under the
-- deployment's master key), the trusted roots the store adds to MOTCUA_PKI_TRUSTED_ROOTS, and the record of every
-- signed document MotCua issued (unsigned and signed hashes, for the public verification by hash).

CREATE TABLE signing_certificate (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agency (id),
  purpose text NOT NULL CHECK (purpose IN ('seal', 'personal')),
  holder_user_id uuid REFERENCES app_user (id),
  subject text NOT NULL,
  common_name text,
  organization text,
  issuer text NOT NULL,
  serial_number text NOT NULL,
  fingerprint text NOT NULL UNIQUE CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  not_before timestamptz NOT NULL,
  not_after timestamptz NOT NULL,
  certificate_der bytea NOT NULL,
  -- The issuers' DER, nearest first, as base64 strings.
  chain jsonb NOT NULL DEFAULT '[]',
  transport text NOT NULL DEFAULT 'local-key',
  key_ciphertext bytea,
  key_iv bytea,
  key_tag bytea,
  is_demo boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  imported_at timestamptz NOT NULL,
  imported_by text,
  deactivated_at timestamptz,
  deactivated_by text,
  deactivation_reason text,
  CHECK (purpose = 'seal' OR holder_user_id IS NOT NULL),
  CHECK (transport <> 'local-key' OR (key_ciphertext IS NOT NULL AND key_iv IS NOT NULL AND key_tag IS NOT NULL)),
  CHECK (is_active OR deactivated_at IS NOT NULL)
);
CREATE INDEX signing_certificate_agency_idx ON signing_certificate (agency_id, purpose) WHERE is_active;
CREATE INDEX signing_certificate_expiry_idx ON signing_certificate (not_after) WHERE is_active;

CREATE TABLE pki_trusted_root (
  fingerprint text PRIMARY KEY CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  subject text NOT NULL,
  not_after timestamptz NOT NULL,
  certificate_der bytea NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  -- Only the DEMO root keeps its (sealed) key, so that `pki init-demo` can issue more demo certificates.
  key_ciphertext bytea,
  key_iv bytea,
  key_tag bytea,
  added_at timestamptz NOT NULL,
  CHECK (key_ciphertext IS NULL OR is_demo)
);

CREATE TABLE signed_document (
  id uuid PRIMARY KEY,
  -- What was signed: a result attachment (dossier_attachment) or an issued document (the documents module).
  source_kind text NOT NULL CHECK (source_kind IN ('result_attachment', 'issued_document')),
  source_id uuid NOT NULL,
  dossier_id uuid REFERENCES dossier (id),
  agency_id uuid NOT NULL REFERENCES agency (id),
  event_id uuid,
  title text,
  unsigned_sha256 text NOT NULL CHECK (unsigned_sha256 ~ '^[0-9a-f]{64}$'),
  signed_sha256 text NOT NULL CHECK (signed_sha256 ~ '^[0-9a-f]{64}$'),
  signed_size_bytes integer NOT NULL,
  -- [{ certificateId, purpose, commonName, fingerprint }] in signing order.
  signers jsonb NOT NULL,
  signed_at timestamptz NOT NULL,
  replaced_by_id uuid REFERENCES signed_document (id),
  replaced_at timestamptz,
  UNIQUE (source_kind, source_id),
  CHECK ((replaced_by_id IS NULL) = (replaced_at IS NULL))
);
CREATE INDEX signed_document_signed_sha256_idx ON signed_document (signed_sha256);
CREATE INDEX signed_document_dossier_idx ON signed_document (dossier_id);
