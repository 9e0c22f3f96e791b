-- Organisation: a versioned tree of agencies of any depth (city → departments, service centres, communes/wards →
-- their desks). Rows are never deleted: an agency that ends gets effective_to, and merges/splits are recorded as
-- events with their predecessor → successor links so that history stays attributable.

CREATE TABLE agency (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Z]+(\.[0-9A-Z]+)*$' AND length(code) <= 35),
  is_code_placeholder boolean NOT NULL DEFAULT false,
  name text NOT NULL,
  short_name text,
  name_en text,
  kind text NOT NULL,
  level text NOT NULL,
  parent_id uuid REFERENCES agency (id),
  administrative_unit_code text,
  effective_from date NOT NULL,
  effective_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (effective_to IS NULL OR effective_to >= effective_from),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX agency_parent_idx ON agency (parent_id);

CREATE TABLE agency_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('establish', 'merge', 'split', 'rename', 'move', 'dissolve')),
  effective_on date NOT NULL,
  legal_reference text,
  note text,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agency_succession (
  event_id uuid NOT NULL REFERENCES agency_event (id),
  predecessor_id uuid NOT NULL REFERENCES agency (id),
  successor_id uuid NOT NULL REFERENCES agency (id),
  PRIMARY KEY (event_id, predecessor_id, successor_id),
  CHECK (predecessor_id <> successor_id)
);
CREATE INDEX agency_succession_successor_idx ON agency_succession (successor_id);
