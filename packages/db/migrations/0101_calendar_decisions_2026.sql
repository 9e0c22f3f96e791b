-- The national working-calendar decisions of 2026 known today (legal-spec §11.3, §16.13). The same rows are the
-- constant nationalDecisions2026 in packages/core/src/calendar/decisions.ts; a db test checks that they agree.
-- Tết (16–20/02) and Quốc khánh (01–02/09) themselves follow from the statutory rules and need no decision.

INSERT INTO calendar_decision (id, scope, agency_id, name, legal_reference, recorded_at, recorded_by) VALUES
  ('0b1d0000-0000-4000-8000-000000002601', 'national', NULL,
   'Hoán đổi ngày làm việc dịp Tết Dương lịch 2026',
   'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ',
   TIMESTAMPTZ '2025-12-25 00:00:00+00', 'migration:0101'),
  ('0b1d0000-0000-4000-8000-000000002602', 'national', NULL,
   'Hoán đổi ngày làm việc dịp nghỉ lễ Quốc khánh 2026',
   'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ, mục 2',
   TIMESTAMPTZ '2025-10-16 00:00:00+00', 'migration:0101');

INSERT INTO calendar_decision_day (decision_id, date, kind, name) VALUES
  ('0b1d0000-0000-4000-8000-000000002601', DATE '2026-01-02', 'swapped_day_off',
   'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)'),
  ('0b1d0000-0000-4000-8000-000000002601', DATE '2026-01-10', 'makeup_working_day',
   'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026'),
  ('0b1d0000-0000-4000-8000-000000002602', DATE '2026-08-22', 'makeup_working_day',
   'Làm bù cho ngày nghỉ thứ Hai 31/08/2026'),
  ('0b1d0000-0000-4000-8000-000000002602', DATE '2026-08-31', 'swapped_day_off',
   'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026)');

UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1;
