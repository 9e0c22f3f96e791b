-- Revocations recorded by the DEMO certificate authority (`pki revoke-demo`), published as its CRL at
-- /api/v1/pki/demo-root.crl. Real CAs publish their own CRLs; MotCua only reads those (MOTCUA_PKI_CRL_*).

CREATE TABLE pki_revoked_certificate (
  root_fingerprint text NOT NULL REFERENCES pki_trusted_root (fingerprint),
  -- The certificate's serial number, hex, as in signing_certificate.serial_number.
  serial_number text NOT NULL CHECK (serial_number ~ '^[0-9a-f]+$'),
  certificate_id uuid REFERENCES signing_certificate (id),
  revoked_at timestamptz NOT NULL,
  -- RFC 5280 CRLReason name (keyCompromise, superseded …); null: unspecified.
  reason text,
  recorded_at timestamptz NOT NULL,
  recorded_by text,
  PRIMARY KEY (root_fingerprint, serial_number)
);
