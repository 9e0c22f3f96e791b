-- Leases for periodic work: one runner at a time sweeps deadlines, whichever server instance it is.
CREATE TABLE job_lease (
  name text PRIMARY KEY,
  holder text NOT NULL,
  held_until timestamptz NOT NULL
);
