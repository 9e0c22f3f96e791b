-- Monitoring: rollups of the dossier events, maintained in the transaction of every dossier transition
-- (docs/monitoring.md). A row holds one local day (Asia/Ho_Chi_Minh) of one competent agency × receiving desk ×
-- procedure. Flow counters count what happened that day; *_delta columns are stock changes (+1 when a dossier
-- starts being pending / overdue / waiting, -1 when it stops): a stock at the end of a day is the sum of its deltas
-- up to that day. Rows keep the agency ids the dossiers were created under; merged agencies are attributed to their
-- successors when a report expands a unit (agency_succession), never by rewriting rows.

CREATE TABLE monitoring_rollup (
  day date NOT NULL,
  competent_agency_id uuid NOT NULL,
  receiving_agency_id uuid NOT NULL,
  procedure_code text NOT NULL,
  received integer NOT NULL DEFAULT 0,
  received_counter integer NOT NULL DEFAULT 0,
  received_online integer NOT NULL DEFAULT 0,
  received_postal integer NOT NULL DEFAULT 0,
  resolved integer NOT NULL DEFAULT 0,
  resolved_early integer NOT NULL DEFAULT 0,
  resolved_on_time integer NOT NULL DEFAULT 0,
  resolved_late integer NOT NULL DEFAULT 0,
  resolved_withdrawn integer NOT NULL DEFAULT 0,
  resolved_extended integer NOT NULL DEFAULT 0,
  resolved_extended_late integer NOT NULL DEFAULT 0,
  returned integer NOT NULL DEFAULT 0,
  returned_online integer NOT NULL DEFAULT 0,
  supplements integer NOT NULL DEFAULT 0,
  apologies integer NOT NULL DEFAULT 0,
  processing_count integer NOT NULL DEFAULT 0,
  processing_minutes bigint NOT NULL DEFAULT 0,
  pending_delta integer NOT NULL DEFAULT 0,
  overdue_delta integer NOT NULL DEFAULT 0,
  supplement_wait_delta integer NOT NULL DEFAULT 0,
  payment_wait_delta integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, competent_agency_id, receiving_agency_id, procedure_code)
);
CREATE INDEX monitoring_rollup_competent_idx ON monitoring_rollup (competent_agency_id, day);
CREATE INDEX monitoring_rollup_receiving_idx ON monitoring_rollup (receiving_agency_id, day);

-- Histogram of processing time (working hours, buckets of core processingBucketHours) of the dossiers resolved
-- that day: the 90th percentile is read from it.
CREATE TABLE monitoring_duration (
  day date NOT NULL,
  competent_agency_id uuid NOT NULL,
  receiving_agency_id uuid NOT NULL,
  procedure_code text NOT NULL,
  bucket smallint NOT NULL CHECK (bucket >= 0),
  dossiers integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, competent_agency_id, receiving_agency_id, procedure_code, bucket)
);

-- Each dossier's facts as last folded from its events, with its contribution to the rollups (what the next
-- transition subtracts before adding the new one). Also the list behind every drill-down.
CREATE TABLE monitoring_dossier_fact (
  dossier_id uuid PRIMARY KEY REFERENCES dossier (id),
  competent_agency_id uuid NOT NULL,
  receiving_agency_id uuid NOT NULL,
  procedure_code text NOT NULL,
  channel text NOT NULL,
  received_by uuid,
  received_at timestamptz,
  resolved_at timestamptz,
  resolution text CHECK (resolution IN ('result', 'refused', 'stopped', 'withdrawn')),
  timeliness text CHECK (timeliness IN ('early', 'on_time', 'late')),
  timeliness_extended text CHECK (timeliness_extended IN ('early', 'on_time', 'late')),
  due_at timestamptz,
  extended_due_at timestamptz,
  processing_minutes integer,
  contribution jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX monitoring_fact_competent_idx ON monitoring_dossier_fact (competent_agency_id, received_at);
CREATE INDEX monitoring_fact_receiving_idx ON monitoring_dossier_fact (receiving_agency_id, received_at);
CREATE INDEX monitoring_fact_open_idx ON monitoring_dossier_fact (due_at) WHERE received_at IS NOT NULL AND resolved_at IS NULL;
