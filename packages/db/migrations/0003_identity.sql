-- Identity and access: officers and citizens (one account table), role grants of officers on agencies,
-- server-side sessions, login throttling, OpenID Connect identities and sign-in states.

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('officer', 'citizen')),
  display_name text NOT NULL,
  -- identifiers are stored normalised (e-mail lower-cased, phone as 0xxxxxxxxx) so that uniqueness holds
  email text UNIQUE,
  phone text UNIQUE,
  -- argon2id PHC string; null for accounts that only sign in through OpenID Connect
  password_hash text,
  totp_secret text,
  totp_enrolled_at timestamptz,
  -- the last TOTP time step accepted: a code is never accepted twice
  totp_last_step bigint,
  -- demo accounts have a published password and TOTP secret; `motcua user totp-code` works only for them
  is_demo boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  CHECK (kind = 'citizen' OR email IS NOT NULL)
);

CREATE TABLE role_grant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id),
  role text NOT NULL CHECK (role IN ('reception_officer', 'specialist', 'department_head', 'agency_leader',
                                     'desk_supervisor', 'monitor', 'system_administrator')),
  agency_id uuid NOT NULL REFERENCES agency (id),
  include_sub_agencies boolean NOT NULL DEFAULT false,
  granted_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE UNIQUE INDEX role_grant_active_idx ON role_grant (user_id, role, agency_id) WHERE revoked_at IS NULL;
CREATE INDEX role_grant_agency_idx ON role_grant (agency_id) WHERE revoked_at IS NULL;

-- A session is found by the SHA-256 of its cookie value: the table never holds a usable token.
CREATE TABLE user_session (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id),
  -- 'active' once fully signed in; an officer's password step opens a half-session waiting for the TOTP code
  stage text NOT NULL CHECK (stage IN ('active', 'totp-pending', 'totp-enrolment')),
  csrf_token text NOT NULL,
  -- the secret offered during enrolment, moved to app_user when the first code confirms it
  pending_totp_secret text,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  idle_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_reason text
);
CREATE INDEX user_session_user_idx ON user_session (user_id) WHERE revoked_at IS NULL;

-- Failed sign-in attempts per key ('account:<user id>', 'account:?<identifier hash>', 'ip:<address>').
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures int NOT NULL,
  last_failure_at timestamptz NOT NULL,
  locked_until timestamptz
);

CREATE TABLE oidc_identity (
  issuer text NOT NULL,
  subject text NOT NULL,
  user_id uuid NOT NULL REFERENCES app_user (id),
  linked_at timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_identity_user_idx ON oidc_identity (user_id);

-- The state of an authorization-code flow between /oidc/start and /oidc/callback (PKCE verifier, nonce).
CREATE TABLE oidc_login_state (
  state text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  return_to text NOT NULL,
  expires_at timestamptz NOT NULL
);
