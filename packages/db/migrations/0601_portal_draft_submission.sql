-- A draft that was submitted keeps its content as the declaration filed with the dossier, and names the dossier.
ALTER TABLE portal_draft ADD COLUMN dossier_id uuid REFERENCES dossier (id);
ALTER TABLE portal_draft ADD COLUMN submitted_at timestamptz;
CREATE UNIQUE INDEX portal_draft_dossier_idx ON portal_draft (dossier_id) WHERE dossier_id IS NOT NULL;
