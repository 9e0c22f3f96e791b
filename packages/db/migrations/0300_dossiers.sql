-- Dossiers: the lifecycle engine's records. The dossier row holds the state and the times; child tables hold the
-- parties, workflow steps, hand-overs (control sheet), supplement requests, extensions, consultations,
-- inter-agency legs, financial obligations, result, return and postal data. dossier_event is the append-only
-- history every statistic is computed from. Personal data (parties) never leaves these tables for URLs or logs.

CREATE TABLE dossier (
  id uuid PRIMARY KEY,
  version int NOT NULL CHECK (version >= 1),
  code text UNIQUE,
  code_format text,
  state text NOT NULL CHECK (state IN ('submitted', 'guided', 'refused_at_reception', 'received', 'processing',
    'supplement_requested', 'awaiting_payment', 'refused_after_appraisal', 'withdrawn', 'stopped', 'result_ready',
    'in_postal_return', 'returned')),
  -- the national status code (1–10) of the state under the mapping in force when it was saved; null = not synced
  national_status smallint CHECK (national_status BETWEEN 1 AND 10),
  channel text NOT NULL CHECK (channel IN ('counter', 'online', 'postal')),
  national_channel smallint NOT NULL CHECK (national_channel IN (1, 2, 3)),
  entry_point text NOT NULL CHECK (entry_point IN ('counter', 'postal', 'national_portal', 'vneid', 'kiosk',
    'provincial_portal')),
  is_paper boolean NOT NULL,
  procedure_version_id text NOT NULL,
  procedure_code text NOT NULL,
  procedure_name text NOT NULL,
  case_code text NOT NULL,
  -- the procedure case as published when the dossier started: the dossier keeps it forever
  procedure_snapshot jsonb NOT NULL,
  receiving_agency_id uuid NOT NULL REFERENCES agency (id),
  competent_agency_id uuid NOT NULL REFERENCES agency (id),
  current_agency_id uuid NOT NULL REFERENCES agency (id),
  is_boundary_free boolean NOT NULL,
  owner_user_id uuid,
  summary text NOT NULL,
  documents jsonb NOT NULL DEFAULT '[]'::jsonb,
  set_count int NOT NULL DEFAULT 1 CHECK (set_count >= 0),
  return_method text NOT NULL CHECK (return_method IN ('counter', 'postal', 'online')),
  ledger_desk_id uuid REFERENCES agency (id),
  ledger_year int,
  ledger_number int,
  submitted_at timestamptz NOT NULL,
  received_at timestamptz,
  received_by text,
  competent_received_at timestamptz,
  clock_started_at timestamptz,
  initial_due_at timestamptz,
  due_at timestamptz,
  extended_due_at timestamptz,
  effective_due_at timestamptz GENERATED ALWAYS AS (coalesce(extended_due_at, due_at)) STORED,
  clock_paused_at timestamptz,
  transfer_due_at timestamptz,
  transferred_at timestamptz,
  processing_ended_at timestamptz,
  timeliness text CHECK (timeliness IN ('early', 'on_time', 'late')),
  closed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((code IS NULL) = (received_at IS NULL)),
  UNIQUE (ledger_desk_id, ledger_year, ledger_number)
);
-- The officer inbox: open dossiers of an agency by due time.
CREATE INDEX dossier_inbox_idx ON dossier (current_agency_id, effective_due_at) WHERE closed_at IS NULL;
CREATE INDEX dossier_receiving_idx ON dossier (receiving_agency_id, received_at);
CREATE INDEX dossier_competent_idx ON dossier (competent_agency_id, received_at);
CREATE INDEX dossier_owner_idx ON dossier (owner_user_id, submitted_at) WHERE owner_user_id IS NOT NULL;
-- Deadline sweeps: open dossiers whose clock runs.
CREATE INDEX dossier_open_due_idx ON dossier (effective_due_at) WHERE closed_at IS NULL AND effective_due_at IS NOT NULL;
CREATE INDEX dossier_submitted_idx ON dossier (receiving_agency_id, submitted_at) WHERE state = 'submitted';

CREATE TABLE dossier_party (
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  role text NOT NULL CHECK (role IN ('applicant', 'owner', 'authorised')),
  kind text NOT NULL CHECK (kind IN ('person', 'organisation')),
  full_name text NOT NULL,
  identity_number text,
  address text,
  phone text,
  email text,
  authorisation_document text,
  PRIMARY KEY (dossier_id, role)
);

CREATE TABLE dossier_postal (
  dossier_id uuid PRIMARY KEY REFERENCES dossier (id),
  -- the signing of the postal hand-over minutes is the legal submission time (QĐ 45/2016 Art. 7(4))
  handover_minutes_signed_at timestamptz,
  handover_minutes_number text,
  submission_waybills text[] NOT NULL DEFAULT '{}',
  return_by_post boolean NOT NULL,
  delivery_address text
);

CREATE TABLE dossier_step (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  step_order int NOT NULL,
  name text NOT NULL,
  agency_id uuid NOT NULL REFERENCES agency (id),
  role text NOT NULL,
  budget_hours double precision NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'active', 'completed', 'returned')),
  assignee_id uuid,
  assignee_name text,
  activated_at timestamptz,
  due_at timestamptz,
  completed_at timestamptz,
  round int NOT NULL DEFAULT 0,
  UNIQUE (dossier_id, step_order)
);
-- Officers' work lists: active steps of a unit (offered to a role) or of an assignee, by due time.
CREATE INDEX dossier_step_active_idx ON dossier_step (agency_id, role, due_at) WHERE status = 'active';
CREATE INDEX dossier_step_assignee_idx ON dossier_step (assignee_id, due_at) WHERE status = 'active';

CREATE TABLE dossier_handover (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  seq int NOT NULL,
  kind text NOT NULL CHECK (kind IN ('reception', 'transfer', 'step', 'return_step', 'consultation', 'inter_agency',
    'result', 'return')),
  from_agency_id uuid,
  from_user_id text,
  from_name text,
  to_agency_id uuid,
  to_user_id text,
  to_role text,
  handed_over_at timestamptz NOT NULL,
  due_at timestamptz,
  completed_at timestamptz,
  timeliness text CHECK (timeliness IN ('early', 'on_time', 'late')),
  note text,
  UNIQUE (dossier_id, seq)
);

CREATE TABLE dossier_supplement_request (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  stage text NOT NULL CHECK (stage IN ('reception', 'appraisal')),
  resume_state text NOT NULL,
  requested_at timestamptz NOT NULL,
  requested_by text NOT NULL,
  agency_id uuid NOT NULL,
  items jsonb NOT NULL,
  reason text NOT NULL,
  is_late boolean NOT NULL,
  provided_at timestamptz,
  due_at_before timestamptz,
  due_at_after timestamptz
);
CREATE INDEX dossier_supplement_request_dossier_idx ON dossier_supplement_request (dossier_id);

CREATE TABLE dossier_extension (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  requested_at timestamptz NOT NULL,
  requested_by text NOT NULL,
  agency_id uuid NOT NULL,
  reason text NOT NULL,
  previous_due_at timestamptz NOT NULL,
  new_due_at timestamptz NOT NULL CHECK (new_due_at > previous_due_at)
);
CREATE INDEX dossier_extension_dossier_idx ON dossier_extension (dossier_id);

CREATE TABLE dossier_consultation (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  step_id uuid,
  from_agency_id uuid NOT NULL,
  to_agency_id uuid NOT NULL REFERENCES agency (id),
  question text NOT NULL,
  requested_at timestamptz NOT NULL,
  requested_by text NOT NULL,
  due_at timestamptz NOT NULL,
  answered_at timestamptz,
  answered_by text,
  answer text
);
CREATE INDEX dossier_consultation_open_idx ON dossier_consultation (to_agency_id, due_at) WHERE answered_at IS NULL;
CREATE INDEX dossier_consultation_dossier_idx ON dossier_consultation (dossier_id);

CREATE TABLE dossier_inter_agency_leg (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  leg_order int NOT NULL,
  agency_id uuid NOT NULL REFERENCES agency (id),
  task text NOT NULL,
  budget_hours double precision NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'active', 'completed')),
  activated_at timestamptz,
  due_at timestamptz,
  completed_at timestamptz,
  completed_by text,
  outcome text,
  UNIQUE (dossier_id, leg_order)
);
CREATE INDEX dossier_leg_active_idx ON dossier_inter_agency_leg (agency_id, due_at) WHERE status = 'active';

CREATE TABLE dossier_financial_obligation (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  requested_at timestamptz NOT NULL,
  requested_by text NOT NULL,
  items jsonb NOT NULL,
  total_amount bigint NOT NULL CHECK (total_amount >= 0),
  pauses_clock boolean NOT NULL,
  paid_at timestamptz,
  payment_reference text
);
CREATE INDEX dossier_financial_obligation_dossier_idx ON dossier_financial_obligation (dossier_id);

CREATE TABLE dossier_result (
  dossier_id uuid PRIMARY KEY REFERENCES dossier (id),
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('granted', 'refused')),
  document_number text,
  summary text NOT NULL,
  attachment_ids uuid[] NOT NULL DEFAULT '{}',
  signer_name text
);

CREATE TABLE dossier_return (
  dossier_id uuid PRIMARY KEY REFERENCES dossier (id),
  method text NOT NULL CHECK (method IN ('counter', 'postal', 'online')),
  handed_over_at timestamptz NOT NULL,
  handed_over_by text NOT NULL,
  receiver_name text,
  receiver_role text CHECK (receiver_role IN ('applicant', 'owner', 'authorised', 'courier')),
  waybill_number text,
  delivered_at timestamptz
);

-- ---------------------------------------------------------------------------------------------------------
-- The history: append-only. Who, for which agency, when, from which state to which, the note, the form issued and
-- the data it is rendered from. Statistics, the control sheet, tracking and national sync read it.
CREATE TABLE dossier_event (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  seq int NOT NULL,
  kind text NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('officer', 'citizen', 'system', 'anonymous')),
  actor_id text,
  actor_name text,
  agency_id uuid,
  from_state text,
  to_state text NOT NULL,
  from_status smallint,
  to_status smallint,
  note text,
  form_kind text,
  form_set text,
  form_number text,
  form_title text,
  form_data jsonb,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  UNIQUE (dossier_id, seq)
);
CREATE INDEX dossier_event_time_idx ON dossier_event (occurred_at);
CREATE INDEX dossier_event_kind_idx ON dossier_event (kind, occurred_at);

CREATE FUNCTION dossier_event_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    RAISE EXCEPTION 'dossier_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
  END
  $$;
CREATE TRIGGER dossier_event_no_update BEFORE UPDATE OR DELETE ON dossier_event
  FOR EACH ROW EXECUTE FUNCTION dossier_event_immutable();
CREATE TRIGGER dossier_event_no_truncate BEFORE TRUNCATE ON dossier_event
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_event_immutable();

-- ---------------------------------------------------------------------------------------------------------
-- Gapless numbering. A counter row per code prefix (= receiving unit + local date, by construction of every code
-- format) and per desk ledger year. The increment happens in the reception's transaction: a rollback returns the
-- number, concurrent receptions queue on the row lock, so there is never a gap nor a duplicate.
CREATE TABLE dossier_code_sequence (
  prefix text PRIMARY KEY,
  local_date date NOT NULL,
  last_value int NOT NULL CHECK (last_value >= 1)
);

CREATE TABLE desk_ledger_sequence (
  desk_agency_id uuid NOT NULL REFERENCES agency (id),
  year int NOT NULL,
  last_value int NOT NULL CHECK (last_value >= 1),
  PRIMARY KEY (desk_agency_id, year)
);

-- A retried submission or reception (same Idempotency-Key from the same caller) answers what the first answered.
CREATE TABLE idempotency_record (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code int NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);

-- ---------------------------------------------------------------------------------------------------------
-- Attachments: stored under their content hash through the storage port; the same file held by the applicant from
-- an earlier dossier can be attached again without uploading it.
CREATE TABLE dossier_attachment (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  purpose text NOT NULL CHECK (purpose IN ('document', 'supplement', 'result')),
  required_document_code text,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text NOT NULL,
  owner_user_id uuid,
  reused_from_id uuid REFERENCES dossier_attachment (id),
  uploaded_at timestamptz NOT NULL,
  uploaded_by text NOT NULL
);
CREATE INDEX dossier_attachment_dossier_idx ON dossier_attachment (dossier_id);
CREATE INDEX dossier_attachment_owner_idx ON dossier_attachment (owner_user_id, sha256) WHERE owner_user_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------------
-- Notices to applicants: one row per event and channel (never two), with its delivery status.
CREATE TABLE notification_delivery (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  event_id uuid NOT NULL REFERENCES dossier_event (id),
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  provider_message_id text,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  UNIQUE (event_id, channel)
);
CREATE INDEX notification_delivery_dossier_idx ON notification_delivery (dossier_id, created_at);

-- Deadline warnings for officers: to an assignee, or to a role at an agency (the desk supervisor); one per target,
-- kind and due time.
CREATE TABLE dossier_alert (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  step_id uuid,
  kind text NOT NULL CHECK (kind IN ('due_soon', 'overdue', 'apology_drafted', 'consultation_overdue',
    'reception_check_due')),
  subject text NOT NULL CHECK (subject IN ('dossier', 'step', 'consultation', 'reception_check')),
  due_at timestamptz NOT NULL,
  recipient_user_id uuid,
  recipient_role text,
  recipient_agency_id uuid,
  created_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  dedupe_key text NOT NULL UNIQUE,
  CHECK (recipient_user_id IS NOT NULL OR (recipient_role IS NOT NULL AND recipient_agency_id IS NOT NULL))
);
CREATE INDEX dossier_alert_user_idx ON dossier_alert (recipient_user_id, created_at) WHERE acknowledged_at IS NULL;
CREATE INDEX dossier_alert_role_idx ON dossier_alert (recipient_agency_id, recipient_role, created_at) WHERE acknowledged_at IS NULL;
