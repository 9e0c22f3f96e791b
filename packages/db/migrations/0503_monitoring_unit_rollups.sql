-- Faster reads for big units (BENCHMARKS.md): rollups of every procedure together (procedure_code '*') per week
-- and per month, maintained with the others, for the figures that are not split by procedure (a unit's total, its
-- sub-units, the weekly trend); the pending dossier's current wait on its fact row (the live view scans facts only);
-- an index naming procedures missing from the catalogue by their latest dossier.

CREATE TABLE monitoring_unit_rollup_week (LIKE monitoring_rollup INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE monitoring_unit_rollup_week ADD PRIMARY KEY (day, competent_agency_id, receiving_agency_id, procedure_code);
INSERT INTO monitoring_unit_rollup_week (day, competent_agency_id, receiving_agency_id, procedure_code, received, received_counter, received_online, received_postal, resolved, resolved_early, resolved_on_time, resolved_late, resolved_withdrawn, resolved_extended, resolved_extended_late, returned, returned_online, supplements, apologies, processing_count, processing_minutes, pending_delta, overdue_delta, supplement_wait_delta, payment_wait_delta, h00, h01, h02, h03, h04, h05, h06, h07, h08, h09, h10, h11, h12, h13, h14, h15, h16, h17)
SELECT day, competent_agency_id, receiving_agency_id, '*', sum(received), sum(received_counter), sum(received_online), sum(received_postal), sum(resolved), sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(resolved_withdrawn), sum(resolved_extended), sum(resolved_extended_late), sum(returned), sum(returned_online), sum(supplements), sum(apologies), sum(processing_count), sum(processing_minutes), sum(pending_delta), sum(overdue_delta), sum(supplement_wait_delta), sum(payment_wait_delta), sum(h00), sum(h01), sum(h02), sum(h03), sum(h04), sum(h05), sum(h06), sum(h07), sum(h08), sum(h09), sum(h10), sum(h11), sum(h12), sum(h13), sum(h14), sum(h15), sum(h16), sum(h17)
  FROM monitoring_rollup_week GROUP BY 1, 2, 3;

CREATE TABLE monitoring_unit_rollup_month (LIKE monitoring_rollup INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE monitoring_unit_rollup_month ADD PRIMARY KEY (day, competent_agency_id, receiving_agency_id, procedure_code);
INSERT INTO monitoring_unit_rollup_month (day, competent_agency_id, receiving_agency_id, procedure_code, received, received_counter, received_online, received_postal, resolved, resolved_early, resolved_on_time, resolved_late, resolved_withdrawn, resolved_extended, resolved_extended_late, returned, returned_online, supplements, apologies, processing_count, processing_minutes, pending_delta, overdue_delta, supplement_wait_delta, payment_wait_delta, h00, h01, h02, h03, h04, h05, h06, h07, h08, h09, h10, h11, h12, h13, h14, h15, h16, h17)
SELECT day, competent_agency_id, receiving_agency_id, '*', sum(received), sum(received_counter), sum(received_online), sum(received_postal), sum(resolved), sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(resolved_withdrawn), sum(resolved_extended), sum(resolved_extended_late), sum(returned), sum(returned_online), sum(supplements), sum(apologies), sum(processing_count), sum(processing_minutes), sum(pending_delta), sum(overdue_delta), sum(supplement_wait_delta), sum(payment_wait_delta), sum(h00), sum(h01), sum(h02), sum(h03), sum(h04), sum(h05), sum(h06), sum(h07), sum(h08), sum(h09), sum(h10), sum(h11), sum(h12), sum(h13), sum(h14), sum(h15), sum(h16), sum(h17)
  FROM monitoring_rollup_month GROUP BY 1, 2, 3;

ALTER TABLE monitoring_dossier_fact ADD COLUMN waiting text CHECK (waiting IN ('supplement', 'payment'));
UPDATE monitoring_dossier_fact f SET waiting = CASE d.state WHEN 'supplement_requested' THEN 'supplement' WHEN 'awaiting_payment' THEN 'payment' END
  FROM dossier d WHERE d.id = f.dossier_id AND f.received_at IS NOT NULL AND f.resolved_at IS NULL;

CREATE INDEX monitoring_dossier_procedure_idx ON dossier (procedure_code, created_at DESC);
