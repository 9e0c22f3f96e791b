-- Rollups at three grains, so that a year's report reads months, not days (docs/monitoring.md, BENCHMARKS.md):
-- monitoring_rollup (day), monitoring_rollup_week (the Monday of the ISO week) and monitoring_rollup_month (the first
-- day of the month), each row keyed by its period's first day in `day`. All three are maintained by the same
-- statement sequence in the transition's transaction. The processing-time histogram moves into the rollup rows
-- (h00 … h17: dossiers resolved that period whose processing time fell in core's processingBucketHours[i]), so it
-- exists at every grain too.

ALTER TABLE monitoring_rollup
  ADD COLUMN h00 integer NOT NULL DEFAULT 0, ADD COLUMN h01 integer NOT NULL DEFAULT 0, ADD COLUMN h02 integer NOT NULL DEFAULT 0, ADD COLUMN h03 integer NOT NULL DEFAULT 0, ADD COLUMN h04 integer NOT NULL DEFAULT 0, ADD COLUMN h05 integer NOT NULL DEFAULT 0, ADD COLUMN h06 integer NOT NULL DEFAULT 0, ADD COLUMN h07 integer NOT NULL DEFAULT 0, ADD COLUMN h08 integer NOT NULL DEFAULT 0, ADD COLUMN h09 integer NOT NULL DEFAULT 0, ADD COLUMN h10 integer NOT NULL DEFAULT 0, ADD COLUMN h11 integer NOT NULL DEFAULT 0, ADD COLUMN h12 integer NOT NULL DEFAULT 0, ADD COLUMN h13 integer NOT NULL DEFAULT 0, ADD COLUMN h14 integer NOT NULL DEFAULT 0, ADD COLUMN h15 integer NOT NULL DEFAULT 0, ADD COLUMN h16 integer NOT NULL DEFAULT 0, ADD COLUMN h17 integer NOT NULL DEFAULT 0;

UPDATE monitoring_rollup r SET
  h00 = coalesce(x.h00, 0),
  h01 = coalesce(x.h01, 0),
  h02 = coalesce(x.h02, 0),
  h03 = coalesce(x.h03, 0),
  h04 = coalesce(x.h04, 0),
  h05 = coalesce(x.h05, 0),
  h06 = coalesce(x.h06, 0),
  h07 = coalesce(x.h07, 0),
  h08 = coalesce(x.h08, 0),
  h09 = coalesce(x.h09, 0),
  h10 = coalesce(x.h10, 0),
  h11 = coalesce(x.h11, 0),
  h12 = coalesce(x.h12, 0),
  h13 = coalesce(x.h13, 0),
  h14 = coalesce(x.h14, 0),
  h15 = coalesce(x.h15, 0),
  h16 = coalesce(x.h16, 0),
  h17 = coalesce(x.h17, 0)
FROM (
  SELECT day, competent_agency_id, receiving_agency_id, procedure_code,
         sum(dossiers) FILTER (WHERE bucket = 0)::int AS h00,
         sum(dossiers) FILTER (WHERE bucket = 1)::int AS h01,
         sum(dossiers) FILTER (WHERE bucket = 2)::int AS h02,
         sum(dossiers) FILTER (WHERE bucket = 3)::int AS h03,
         sum(dossiers) FILTER (WHERE bucket = 4)::int AS h04,
         sum(dossiers) FILTER (WHERE bucket = 5)::int AS h05,
         sum(dossiers) FILTER (WHERE bucket = 6)::int AS h06,
         sum(dossiers) FILTER (WHERE bucket = 7)::int AS h07,
         sum(dossiers) FILTER (WHERE bucket = 8)::int AS h08,
         sum(dossiers) FILTER (WHERE bucket = 9)::int AS h09,
         sum(dossiers) FILTER (WHERE bucket = 10)::int AS h10,
         sum(dossiers) FILTER (WHERE bucket = 11)::int AS h11,
         sum(dossiers) FILTER (WHERE bucket = 12)::int AS h12,
         sum(dossiers) FILTER (WHERE bucket = 13)::int AS h13,
         sum(dossiers) FILTER (WHERE bucket = 14)::int AS h14,
         sum(dossiers) FILTER (WHERE bucket = 15)::int AS h15,
         sum(dossiers) FILTER (WHERE bucket = 16)::int AS h16,
         sum(dossiers) FILTER (WHERE bucket = 17)::int AS h17
    FROM monitoring_duration GROUP BY day, competent_agency_id, receiving_agency_id, procedure_code
) x
WHERE x.day = r.day AND x.competent_agency_id = r.competent_agency_id AND x.receiving_agency_id = r.receiving_agency_id
  AND x.procedure_code = r.procedure_code;

DROP TABLE monitoring_duration;

CREATE TABLE monitoring_rollup_week (LIKE monitoring_rollup INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE monitoring_rollup_week ADD PRIMARY KEY (day, competent_agency_id, receiving_agency_id, procedure_code);
CREATE INDEX monitoring_rollup_week_competent_idx ON monitoring_rollup_week (competent_agency_id, day);
CREATE INDEX monitoring_rollup_week_receiving_idx ON monitoring_rollup_week (receiving_agency_id, day);

CREATE TABLE monitoring_rollup_month (LIKE monitoring_rollup INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE monitoring_rollup_month ADD PRIMARY KEY (day, competent_agency_id, receiving_agency_id, procedure_code);
CREATE INDEX monitoring_rollup_month_competent_idx ON monitoring_rollup_month (competent_agency_id, day);
CREATE INDEX monitoring_rollup_month_receiving_idx ON monitoring_rollup_month (receiving_agency_id, day);

INSERT INTO monitoring_rollup_week (day, competent_agency_id, receiving_agency_id, procedure_code, received, received_counter, received_online, received_postal, resolved, resolved_early, resolved_on_time, resolved_late, resolved_withdrawn, resolved_extended, resolved_extended_late, returned, returned_online, supplements, apologies, processing_count, processing_minutes, pending_delta, overdue_delta, supplement_wait_delta, payment_wait_delta, h00, h01, h02, h03, h04, h05, h06, h07, h08, h09, h10, h11, h12, h13, h14, h15, h16, h17)
SELECT date_trunc('week', day)::date, competent_agency_id, receiving_agency_id, procedure_code, sum(received), sum(received_counter), sum(received_online), sum(received_postal), sum(resolved), sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(resolved_withdrawn), sum(resolved_extended), sum(resolved_extended_late), sum(returned), sum(returned_online), sum(supplements), sum(apologies), sum(processing_count), sum(processing_minutes), sum(pending_delta), sum(overdue_delta), sum(supplement_wait_delta), sum(payment_wait_delta), sum(h00), sum(h01), sum(h02), sum(h03), sum(h04), sum(h05), sum(h06), sum(h07), sum(h08), sum(h09), sum(h10), sum(h11), sum(h12), sum(h13), sum(h14), sum(h15), sum(h16), sum(h17)
  FROM monitoring_rollup GROUP BY 1, 2, 3, 4;

INSERT INTO monitoring_rollup_month (day, competent_agency_id, receiving_agency_id, procedure_code, received, received_counter, received_online, received_postal, resolved, resolved_early, resolved_on_time, resolved_late, resolved_withdrawn, resolved_extended, resolved_extended_late, returned, returned_online, supplements, apologies, processing_count, processing_minutes, pending_delta, overdue_delta, supplement_wait_delta, payment_wait_delta, h00, h01, h02, h03, h04, h05, h06, h07, h08, h09, h10, h11, h12, h13, h14, h15, h16, h17)
SELECT date_trunc('month', day)::date, competent_agency_id, receiving_agency_id, procedure_code, sum(received), sum(received_counter), sum(received_online), sum(received_postal), sum(resolved), sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(resolved_withdrawn), sum(resolved_extended), sum(resolved_extended_late), sum(returned), sum(returned_online), sum(supplements), sum(apologies), sum(processing_count), sum(processing_minutes), sum(pending_delta), sum(overdue_delta), sum(supplement_wait_delta), sum(payment_wait_delta), sum(h00), sum(h01), sum(h02), sum(h03), sum(h04), sum(h05), sum(h06), sum(h07), sum(h08), sum(h09), sum(h10), sum(h11), sum(h12), sum(h13), sum(h14), sum(h15), sum(h16), sum(h17)
  FROM monitoring_rollup GROUP BY 1, 2, 3, 4;
