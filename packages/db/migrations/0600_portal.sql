-- The citizen portal: the applicant's profile that pre-fills forms, the businesses they act for, and server-side
-- drafts of online submissions (docs/portal.md). Each row belongs to one citizen account; reads filter by it.

CREATE TABLE citizen_profile (
  user_id uuid PRIMARY KEY REFERENCES app_user (id),
  full_name text NOT NULL,
  -- personal identification number (12 digits); personal data: never logged, never in a URL
  identity_number text,
  date_of_birth date,
  phone text,
  email text,
  address text,
  row_version int NOT NULL CHECK (row_version >= 1),
  updated_at timestamptz NOT NULL
);

CREATE TABLE citizen_organisation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id),
  name text NOT NULL,
  -- 10 digits, or 13 for a branch (stored without the hyphen), check digit verified before insert
  tax_code text NOT NULL CHECK (tax_code ~ '^[0-9]{10}([0-9]{3})?$'),
  address text,
  representative text,
  created_at timestamptz NOT NULL,
  removed_at timestamptz
);
CREATE UNIQUE INDEX citizen_organisation_tax_code_idx ON citizen_organisation (user_id, tax_code) WHERE removed_at IS NULL;

CREATE TABLE portal_draft (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id),
  procedure_code text NOT NULL,
  case_code text NOT NULL,
  -- copied from the catalogue when the draft was opened, for the list
  procedure_name text,
  case_name text,
  step int NOT NULL DEFAULT 0,
  content jsonb NOT NULL,
  row_version int NOT NULL CHECK (row_version >= 1),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX portal_draft_user_idx ON portal_draft (user_id, updated_at DESC);
