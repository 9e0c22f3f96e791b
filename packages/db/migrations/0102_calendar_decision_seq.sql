-- Recording order of calendar decisions: breaks ties between decisions recorded at the same instant (the later
-- one wins on a shared date, and lists are stable). Existing rows get numbers in table order.
ALTER TABLE calendar_decision ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE calendar_decision ADD CONSTRAINT calendar_decision_seq_key UNIQUE (seq);
