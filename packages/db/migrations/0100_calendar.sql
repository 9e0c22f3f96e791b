-- The legal clock's stored part: official calendar decisions (national, province, agency) and agencies' working
-- periods. The default rules (weekends, statutory holidays, compensatory days, lunar dates) are code in
-- packages/core/src/calendar; a decision overrides them for exactly the dates it lists.

CREATE TABLE calendar_decision (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scope text NOT NULL CHECK (scope IN ('national', 'province', 'agency')),
  -- The province's (or agency's) node; the decision applies to it and every agency under it.
  agency_id uuid REFERENCES agency (id),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  legal_reference text NOT NULL CHECK (length(btrim(legal_reference)) > 0),
  note text,
  recorded_at timestamptz NOT NULL,
  recorded_by text,
  revoked_at timestamptz,
  revoked_by text,
  revocation_reason text,
  CHECK ((scope = 'national') = (agency_id IS NULL)),
  CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))
);
CREATE INDEX calendar_decision_agency_idx ON calendar_decision (agency_id);

CREATE TABLE calendar_decision_day (
  decision_id uuid NOT NULL REFERENCES calendar_decision (id),
  date date NOT NULL CHECK (date BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'),
  kind text NOT NULL CHECK (kind IN ('holiday', 'compensatory_day_off', 'swapped_day_off', 'extra_day_off',
                                     'makeup_working_day', 'working_day')),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  PRIMARY KEY (decision_id, date)
);
CREATE INDEX calendar_decision_day_date_idx ON calendar_decision_day (date);

-- Working periods of an agency from a date on (until its next schedule). Agencies without their own inherit their
-- parent's; with none up the tree, the default 07:00–11:30, 13:30–17:00 applies.
CREATE TABLE working_period_schedule (
  agency_id uuid NOT NULL REFERENCES agency (id),
  effective_from date NOT NULL,
  -- [{"start": "07:00", "end": "11:30"}, ...], validated by the application
  periods jsonb NOT NULL CHECK (jsonb_typeof(periods) = 'array'),
  recorded_at timestamptz NOT NULL,
  recorded_by text,
  PRIMARY KEY (agency_id, effective_from)
);

-- Bumped in the same transaction as every change above, so that each server process can tell cheaply whether
-- the calendars it has built are still current.
CREATE TABLE calendar_revision (
  id int PRIMARY KEY CHECK (id = 1),
  revision bigint NOT NULL
);
INSERT INTO calendar_revision (id, revision) VALUES (1, 0);
