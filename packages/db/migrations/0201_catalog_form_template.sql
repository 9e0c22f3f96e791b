-- Form templates (mẫu đơn, tờ khai) uploaded by an administrator for a procedure's required documents. The bytes
-- live in the content store under their SHA-256 (like attachments); this row names them, gives the file name and
-- the type judged by content, and is what makes them public: GET /api/v1/form-templates/{id} serves only keys
-- listed here, never any other content of the store. A procedure's content refers to a template by that path.
CREATE TABLE procedure_form_template (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  content_key text NOT NULL CHECK (content_key ~ '^[0-9a-f]{64}$'),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  uploaded_at timestamptz NOT NULL,
  uploaded_by text
);
