-- Report exports (II.06a, II.07b, the desk ledger as Excel or PDF) run as outbox jobs: the request is a row here,
-- the job writes its progress and, when done, the file's content key (ContentStore) for the requester to download.
CREATE TABLE monitoring_export (
  id uuid PRIMARY KEY,
  requested_by uuid NOT NULL,
  unit_id uuid NOT NULL REFERENCES agency (id),
  report text NOT NULL CHECK (report IN ('ii06a', 'ii07b', 'ledger')),
  format text NOT NULL CHECK (format IN ('xlsx', 'pdf')),
  period_from date NOT NULL,
  period_to date NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
  progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  content_key text,
  file_name text,
  error text,
  created_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE INDEX monitoring_export_requester_idx ON monitoring_export (requested_by, created_at DESC);
