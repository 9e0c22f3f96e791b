-- Platform: search extensions, the hash-chained audit trail, the transactional outbox.
-- SQL stays within PostgreSQL 15 (production) while PGlite runs 18: no uuidv7(), no vi-x-icu collation.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is STABLE; an IMMUTABLE wrapper lets indexes use it. Vietnamese đ/Đ are mapped by unaccent's rules.
CREATE OR REPLACE FUNCTION f_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;

-- ---------------------------------------------------------------------------------------------------------
-- Audit trail: every write records who, for which agency, what, on which target, a summary, request id, time.
-- Rows are chained: hash = sha256(canonical row || previous hash). A trigger assigns seq and hashes; other
-- triggers reject UPDATE, DELETE and TRUNCATE. `motcua audit verify` recomputes the chain.
CREATE TABLE audit_event (
  seq bigint PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('officer', 'citizen', 'system', 'anonymous')),
  actor_id text,
  agency_id uuid,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text NOT NULL,
  summary jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_event_target_idx ON audit_event (target_type, target_id, seq);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, seq);

CREATE TABLE audit_chain_head (
  id int PRIMARY KEY CHECK (id = 1),
  last_seq bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit_event_digest(e audit_event) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT encode(sha256(convert_to(concat_ws(chr(31),
      e.seq::text,
      to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      e.actor_kind,
      coalesce(e.actor_id, ''),
      coalesce(e.agency_id::text, ''),
      e.action,
      e.target_type,
      e.target_id,
      e.summary::text,
      coalesce(e.request_id, ''),
      e.prev_hash
    ), 'UTF8')), 'hex')
  $$;

CREATE FUNCTION audit_event_chain() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    head audit_chain_head%ROWTYPE;
  BEGIN
    -- The row lock serialises appends; callers write audit rows last in their transaction to hold it briefly.
    SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
    NEW.seq := head.last_seq + 1;
    NEW.prev_hash := head.last_hash;
    NEW.hash := audit_event_digest(NEW);
    UPDATE audit_chain_head SET last_seq = NEW.seq, last_hash = NEW.hash WHERE id = 1;
    RETURN NEW;
  END
  $$;

CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

CREATE FUNCTION audit_event_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
  END
  $$;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_immutable();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_immutable();

-- ---------------------------------------------------------------------------------------------------------
-- Transactional outbox: side effects (e-mail, SMS, PDF rendering, signing, national-portal sync) are written
-- here in the same transaction as the change, then delivered by the job runner with retries and back-off.
CREATE TABLE outbox_message (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  topic text NOT NULL,
  dedupe_key text UNIQUE,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'done', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  max_attempts int NOT NULL DEFAULT 8,
  locked_until timestamptz,
  last_error text,
  completed_at timestamptz
);
CREATE INDEX outbox_message_due_idx ON outbox_message (available_at) WHERE status IN ('pending', 'processing');
CREATE INDEX outbox_message_topic_idx ON outbox_message (topic, created_at);
