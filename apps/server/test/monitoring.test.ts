/**
 * Monitoring over HTTP on a generated history: Biểu II.06a for the unit equals an independent count from the raw
 * events (on screen data, in the Excel workbook made by the export job, and in the PDF), the overview agrees with
 * it, drill-down lists are scoped, public statistics need no login and come as CSV too.
 */
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ii06aColumnKeys } from '@motcua/core/monitoring';
import { II06A_FIRST_DATA_ROW, II07B_DATA_ROW, LEDGER_HEADER_ROW, LEDGER_SHEET } from '@motcua/adapters/reports';
import { buildJobHandlers } from '../src/jobs/handlers';
import { createJobRunner } from '../src/jobs/job-runner';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { insertTestOrganisation, receiveTestDossier, testOfficer, testProcedureCase, type TestOrganisation } from '../../../test-support/dossiers';
import { createOfficer, signIn, type SignedInHeaders } from '../../../test-support/identity';
import { historyDossier, receivedSteps, writeHistory } from '../../../test-support/monitoring';
import { agencyIdOf, PHU_XUAN_COMMITTEE, seedHue } from '../../../test-support/dossier-api';

const HOUR = 3_600_000;

const pdfText = (bytes: Uint8Array): string => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8' }).replace(/\s+/g, ' ');
const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

/** A small deterministic generator (no Math.random: the same history every run). */
function prng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** The II.06a total row counted straight from dossier_event, independently of the rollups and of core. */
async function independentCount(app: TestApp, agencyIds: string[], period = PERIOD) {
  const rows = await app.db.query<Record<string, number>>(
    `WITH d AS (
       SELECT d.id, d.channel,
              (r.details->>'receivedAt')::timestamptz AS received_at, (r.details->>'dueAt')::timestamptz AS due_at,
              x.occurred_at AS resolved_at, x.kind AS end_kind
         FROM dossier d
         JOIN dossier_event r ON r.dossier_id = d.id AND r.kind = 'receive'
         LEFT JOIN LATERAL (SELECT e.occurred_at, e.kind FROM dossier_event e
                             WHERE e.dossier_id = d.id AND e.kind IN ('record_result', 'refuse_after_appraisal', 'stop', 'withdraw')
                             ORDER BY e.seq LIMIT 1) x ON true
        WHERE d.receiving_agency_id = ANY($1::uuid[]) OR d.competent_agency_id = ANY($1::uuid[])),
     l AS (SELECT *, (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS rd, (resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS sd,
                  (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS dd FROM d)
     SELECT
       count(*) FILTER (WHERE rd BETWEEN $2 AND $3 AND channel = 'online')::int AS "receivedOnline",
       count(*) FILTER (WHERE rd BETWEEN $2 AND $3 AND channel <> 'online')::int AS "receivedDirectOrPostal",
       count(*) FILTER (WHERE rd < $2 AND (sd IS NULL OR sd >= $2))::int AS "carriedOver",
       count(*) FILTER (WHERE sd BETWEEN $2 AND $3)::int AS "resolvedTotal",
       count(*) FILTER (WHERE sd BETWEEN $2 AND $3 AND end_kind = 'record_result' AND sd < dd)::int AS "resolvedEarly",
       count(*) FILTER (WHERE sd BETWEEN $2 AND $3 AND (end_kind = 'withdraw' OR (resolved_at <= due_at AND sd = dd)))::int AS "resolvedOnTime",
       count(*) FILTER (WHERE sd BETWEEN $2 AND $3 AND end_kind = 'record_result' AND resolved_at > due_at)::int AS "resolvedLate",
       count(*) FILTER (WHERE rd <= $3 AND (sd IS NULL OR sd > $3))::int AS "pendingTotal",
       count(*) FILTER (WHERE rd <= $3 AND (sd IS NULL OR sd > $3) AND dd > $3)::int AS "pendingWithinDue",
       count(*) FILTER (WHERE rd <= $3 AND (sd IS NULL OR sd > $3) AND dd <= $3)::int AS "pendingOverdue"
     FROM l`,
    [agencyIds, period.from, period.to],
  );
  const r = rows[0]!;
  return { ...r, receivedTotal: r['receivedOnline']! + r['receivedDirectOrPostal']! + r['carriedOver']! } as Record<string, number>;
}

describe('monitoring API', () => {
  let t: TestApp;
  let org: TestOrganisation;
  let monitor: SignedInHeaders;
  let outsider: SignedInHeaders;
  let expected: Record<string, number>;
  const now = new Date('2026-04-02T03:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({ clock: { now: () => now } });
    org = await insertTestOrganisation(t.db);
    const random = prng(20260301);
    const procedures = ['1.001193', '2.000123', '1.004227'];
    for (let i = 0; i < 40; i++) {
      const p = Math.floor(random() * 3);
      const where = random();
      const dossier = historyDossier(org, {
        procedureCode: procedures[p]!,
        channel: (['counter', 'online', 'postal'] as const)[Math.floor(random() * 3)]!,
        // Mostly the unit's own desk; some received elsewhere for the unit; some nothing to do with it.
        receivingAgencyId: where < 0.7 ? org.desk : org.otherDesk,
        competentAgencyId: where < 0.9 ? (p === 1 ? org.department : org.agency) : org.consulted,
      });
      const receivedAt = new Date(Date.UTC(2026, 1, 15, 1) + Math.floor(random() * 40 * 24) * HOUR);
      const dueAt = new Date(receivedAt.getTime() + (24 + Math.floor(random() * 15 * 24)) * HOUR);
      const end = random();
      const endAt = new Date(receivedAt.getTime() + Math.floor(random() * 20 * 24) * HOUR);
      await writeHistory(t.db, dossier, receivedSteps(receivedAt, dueAt, end < 0.6 ? { kind: 'record_result', at: endAt } : end < 0.7 ? { kind: 'withdraw', at: endAt } : undefined));
    }
    const m = await createOfficer(t.db, { roles: [{ role: 'monitor', agencyCode: org.codes.agency, includeSubAgencies: true }] });
    const o = await createOfficer(t.db, { roles: [{ role: 'monitor', agencyCode: org.codes.otherDesk }] });
    monitor = await signIn(t, m);
    outsider = await signIn(t, o);
    expected = await independentCount(t, [org.agency, org.desk, org.department]);
  }, 120_000);
  afterAll(() => t.close());

  const query = `unit=${'{unit}'}&period=month&year=2026&index=3`;

  it('answers Biểu II.06a equal to an independent count from the raw events', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/reports/ii06a?${query.replace('{unit}', org.codes.agency)}`, headers: monitor });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.period).toEqual({ kind: 'month', ...PERIOD });
    expect(report.total).toEqual(expected);
    expect(expected['resolvedTotal']).toBeGreaterThan(5);
    expect(expected['carriedOver']).toBeGreaterThan(0);
    expect(expected['pendingOverdue']).toBeGreaterThan(0);
    const procedureSum = report.rows.flatMap((r: { procedures: { columns: Record<string, number> }[] }) => r.procedures).reduce((a: number, p: { columns: Record<string, number> }) => a + p.columns['receivedTotal']!, 0);
    expect(procedureSum).toBe(expected['receivedTotal']);
  });

  it('answers a custom period across partial months (days and months combined) equal to the independent count', async () => {
    const custom = { from: '2026-03-10', to: '2026-04-05' };
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/reports/ii06a?unit=${org.codes.agency}&period=custom&from=${custom.from}&to=${custom.to}`, headers: monitor });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toEqual(await independentCount(t, [org.agency, org.desk, org.department], custom));
    const feb = { from: '2026-02-01', to: '2026-02-28' };
    const whole = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/reports/ii06a?unit=${org.codes.agency}&period=month&year=2026&index=2`, headers: monitor });
    expect(whole.json().total).toEqual(await independentCount(t, [org.agency, org.desk, org.department], feb));
  });

  it('shows the same numbers on the overview, per sub-unit and pending now', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/overview?${query.replace('{unit}', org.codes.agency)}`, headers: monitor });
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.figures.received.total).toBe(expected['receivedOnline']! + expected['receivedDirectOrPostal']!);
    expect(o.figures.resolved).toMatchObject({ total: expected['resolvedTotal'], early: expected['resolvedEarly'], late: expected['resolvedLate'] });
    expect(o.figures.pending.overdue).toBe(expected['pendingOverdue']);
    expect(o.units.map((u: { unit: { code: string } }) => u.unit.code).sort()).toEqual([org.codes.desk, org.codes.department].sort());
    // The trend shows whole weeks touching March: Monday 23/02 to Sunday 05/04.
    expect(o.trend[0].week).toBe('2026-02-23');
    const weeks = await independentCount(t, [org.agency, org.desk, org.department], { from: '2026-02-23', to: '2026-04-05' });
    expect(o.trend.reduce((a: number, w: { received: number }) => a + w.received, 0)).toBe(weeks['receivedOnline']! + weeks['receivedDirectOrPostal']!);
    // Pending now: every pending dossier in exactly one urgency and one age bucket.
    const p = o.pendingNow;
    const byAge = p.byAge.reduce((a: number, b: { dossiers: number }) => a + b.dossiers, 0);
    expect(byAge).toBe(p.notYetDue + p.dueWithinWorkingDay + p.overdue + p.waitingSupplement + p.waitingPayment);
    expect(p.byAge.map((b: { label: string }) => b.label)).toEqual(['< 1', '1–2', '3–6', '7–14', '15–29', '≥ 30']);
    const [open] = await t.db.query<{ n: number; old: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE received_at <= $2::timestamptz - interval '30 days')::int AS old
         FROM monitoring_dossier_fact WHERE received_at IS NOT NULL AND resolved_at IS NULL
          AND (competent_agency_id = ANY($1::uuid[]) OR receiving_agency_id = ANY($1::uuid[]))`,
      [[org.agency, org.desk, org.department], now],
    );
    expect(byAge).toBe(open!.n);
    expect(p.byAge[5].dossiers).toBe(open!.old);
    expect(o.overdue.length).toBeGreaterThan(0);
    expect(o.overdue.every((d: { dueAt: string }) => new Date(d.dueAt) < now)).toBe(true);
  });

  it('refuses a unit outside the caller’s scope like an absent one, and a bad period with 400', async () => {
    const out = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/overview?${query.replace('{unit}', org.codes.agency)}`, headers: outsider });
    expect(out.statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/overview?unit=${org.codes.agency}&period=custom&from=2026-03-05&to=2026-03-01`, headers: monitor });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('MONITORING_PERIOD_INVALID');
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/overview` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('drills down to the dossiers of a procedure, scoped to the caller', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/dossiers?${query.replace('{unit}', org.codes.agency)}&procedure=1.001193`, headers: monitor });
    expect(res.statusCode).toBe(200);
    const list = res.json().dossiers;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((d: { procedureCode: string }) => d.procedureCode === '1.001193')).toBe(true);
  });

  it('exports the report as an Excel workbook through a job; its cells equal the independent count', async () => {
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/v1/monitoring/exports',
      headers: monitor,
      payload: { report: 'ii06a', format: 'xlsx', unit: org.codes.agency, period: 'month', year: 2026, index: 3 },
    });
    expect(start.statusCode).toBe(202);
    const id = start.json().id;
    const pending = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/exports/${id}`, headers: monitor });
    expect(pending.json()).toMatchObject({ status: 'pending', downloadUrl: null });
    const early = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/exports/${id}/file`, headers: monitor });
    expect(early.statusCode).toBe(409);
    const runner = createJobRunner({ db: t.db, clock: t.clock, handlers: buildJobHandlers({ config: t.config, db: t.db, clock: t.clock }), onlyRegisteredTopics: true });
    await runner.runOnce();
    const done = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/exports/${id}`, headers: monitor });
    expect(done.json()).toMatchObject({ status: 'done', progress: 100 });
    expect(await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/exports/${id}`, headers: outsider })).toMatchObject({ statusCode: 404 });
    const file = await t.app.inject({ method: 'GET', url: done.json().downloadUrl, headers: monitor });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('II.06a')!;
    expect(ws.getCell(7, 13).value).toBe('(13)');
    let totalRow = II06A_FIRST_DATA_ROW;
    while (ws.getCell(totalRow, 2).value !== 'Tổng cộng') totalRow++;
    const cells = Object.fromEntries(ii06aColumnKeys.map((k, i) => [k, ws.getCell(totalRow, 3 + i).value]));
    expect(cells).toEqual(expected);
  });

  it('exports the PDF too', async () => {
    const start = await t.app.inject({ method: 'POST', url: '/api/v1/monitoring/exports', headers: monitor, payload: { report: 'ii06a', format: 'pdf', unit: org.codes.agency, period: 'quarter', year: 2026, index: 1 } });
    expect(start.statusCode).toBe(202);
    await createJobRunner({ db: t.db, clock: t.clock, handlers: buildJobHandlers({ config: t.config, db: t.db, clock: t.clock }), onlyRegisteredTopics: true }).runOnce();
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/exports/${start.json().id}/file`, headers: monitor });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const quarter = (await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/reports/ii06a?unit=${org.codes.agency}&period=quarter&year=2026&index=1`, headers: monitor })).json();
    const text = pdfText(file.rawPayload);
    expect(text).toContain('Biểu số II.06a/VPCP/KSTT');
    expect(text).toContain('Kỳ báo cáo: từ ngày 01/01/2026 đến ngày 31/03/2026');
    // The total row prints the eleven numbers of the screen's total, in the form's order.
    expect(text).toContain(`Tổng cộng ${ii06aColumnKeys.map((k) => quarter.total[k]).join(' ')}`);
  });

  it('exports the desk ledger of the period (Form 07) as Excel and PDF through jobs, and per officer figures', async () => {
    const deskMonitor = await signIn(t, await createOfficer(t.db, { roles: [{ role: 'desk_supervisor', agencyCode: org.codes.desk }] }));
    const officer = testOfficer([{ role: 'reception_officer', agencyId: org.desk }], 'Trần Thị Tiếp Nhận');
    const received = await receiveTestDossier(t.db, { officer, now: new Date('2026-05-20T02:00:00Z'), procedure: testProcedureCase(org), receivingAgencyId: org.desk });
    if (!received.ok) throw new Error(received.error.code);
    // Received in June: outside the period, so not in its ledger.
    const later = await receiveTestDossier(t.db, { officer, now: new Date('2026-06-02T02:00:00Z'), procedure: testProcedureCase(org), receivingAgencyId: org.desk });
    if (!later.ok) throw new Error(later.error.code);
    const exported = async (format: 'xlsx' | 'pdf') => {
      const start = await t.app.inject({ method: 'POST', url: '/api/v1/monitoring/exports', headers: deskMonitor, payload: { report: 'ledger', format, unit: org.codes.desk, period: 'month', year: 2026, index: 5 } });
      expect(start.statusCode).toBe(202);
      await createJobRunner({ db: t.db, clock: t.clock, handlers: buildJobHandlers({ config: t.config, db: t.db, clock: t.clock }), onlyRegisteredTopics: true }).runOnce();
      const done = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/exports/${start.json().id}`, headers: deskMonitor });
      expect(done.json()).toMatchObject({ status: 'done', progress: 100, fileName: `So-theo-doi-ho-so_${org.codes.desk}_2026-05-01_2026-05-31.${format}` });
      const file = await t.app.inject({ method: 'GET', url: done.json().downloadUrl, headers: deskMonitor });
      expect(file.statusCode).toBe(200);
      return file.rawPayload;
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported('xlsx')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    expect(String(ws.getCell(2, 1).value)).toBe('SỔ THEO DÕI HỒ SƠ TỪ NGÀY 01/05/2026 ĐẾN NGÀY 31/05/2026');
    const header = (ws.getRow(LEDGER_HEADER_ROW).values as unknown[]).slice(1).map(String);
    const col = (title: string) => header.indexOf(title) + 1;
    expect(header.slice(0, 3)).toEqual([expect.stringMatching(/^(STT|TT)$/), 'Mã hồ sơ', 'Tên TTHC']);
    const first = ws.getRow(LEDGER_HEADER_ROW + 1);
    expect(first.getCell(1).value).toBe(received.value.ledgerEntry!.number);
    expect(first.getCell(col('Mã hồ sơ')).value).toBe(received.value.code);
    expect(first.getCell(col('Tên TTHC')).value).toBe(received.value.procedure.procedureName);
    expect(first.getCell(col('Nhận hồ sơ')).value).toBe('20/05/2026');
    expect(ws.getRow(LEDGER_HEADER_ROW + 2).getCell(col('Mã hồ sơ')).value).toBeNull();
    const text = pdfText(await exported('pdf'));
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ TỪ NGÀY 01/05/2026 ĐẾN NGÀY 31/05/2026'.normalize('NFC'));
    // The code column wraps: compare without spaces.
    expect(text.replaceAll(' ', '')).toContain(received.value.code!);
    expect(text.replaceAll(' ', '')).not.toContain(later.value.code!);
    // Per officer (supervisors only): the reception (in May, outside the March figures above) counts for its officer.
    const byOfficer = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/officers?unit=${org.codes.desk}&period=month&year=2026&index=5`, headers: deskMonitor });
    expect(byOfficer.statusCode).toBe(200);
    expect(byOfficer.json().officers).toEqual([
      { officerId: officer.userId, officerName: 'Trần Thị Tiếp Nhận', received: 1, stepsCompleted: 0, decided: 0, decidedLate: 0 },
    ]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/officers?unit=${org.codes.agency}`, headers: monitor })).statusCode).toBe(403);
  });

  it('answers II.06a for a sub-unit equal to its own independent count', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/reports/ii06a?${query.replace('{unit}', org.codes.department)}`, headers: monitor });
    expect(res.statusCode).toBe(200);
    const own = await independentCount(t, [org.department]);
    expect(own['receivedTotal']).toBeGreaterThan(0);
    expect(res.json().total).toEqual(own);
  });

  it('attributes a merged unit’s dossiers to its successor', async () => {
    // A ward that ended on 30/06/2025 and merged into the unit; its dossier stays under its own id.
    const old = await t.db.query<{ id: string }>(
      `INSERT INTO agency (code, name, kind, level, effective_from, effective_to)
       VALUES ($1, 'UBND phường cũ', 'people_committee', 'commune', '2020-01-01', '2025-06-30') RETURNING id`,
      [`009.${org.codes.agency.slice(4, 10)}.00.H57`],
    );
    const event = await t.db.query<{ id: string }>(`INSERT INTO agency_event (kind, effective_on) VALUES ('merge', '2025-07-01') RETURNING id`);
    await t.db.query('INSERT INTO agency_succession (event_id, predecessor_id, successor_id) VALUES ($1, $2, $3)', [event[0]!.id, old[0]!.id, org.agency]);
    const before = (await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/reports/ii06a?unit=${org.codes.agency}&period=month&year=2026&index=6`, headers: monitor })).json();
    const at = new Date('2026-06-10T02:00:00Z');
    await writeHistory(t.db, historyDossier(org, { receivingAgencyId: old[0]!.id, competentAgencyId: old[0]!.id }), receivedSteps(at, new Date(at.getTime() + 72 * HOUR)));
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/reports/ii06a?unit=${org.codes.agency}&period=month&year=2026&index=6`, headers: monitor })).json();
    expect(after.total.receivedDirectOrPostal - before.total.receivedDirectOrPostal).toBe(1);
    expect(after.total.pendingTotal - before.total.pendingTotal).toBe(1);
  });

  it('answers Biểu II.07b for a unit from the catalogue in effect, on screen and as Excel and PDF', async () => {
    await seedHue(t);
    const committee = await agencyIdOf(t, PHU_XUAN_COMMITTEE);
    const wardMonitor = await signIn(t, await createOfficer(t.db, { roles: [{ role: 'monitor', agencyCode: PHU_XUAN_COMMITTEE, includeSubAgencies: true }] }));
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/reports/ii07b?date=2026-03-31&unit=${PHU_XUAN_COMMITTEE}`, headers: wardMonitor });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    // Independently: local procedures in effect whose competent agency is one of the unit's agencies (the ward's
    // subtree), by id or by a rule naming the kind and level of one of them.
    const own = await t.db.query<{ n: number; all: number }>(
      `WITH RECURSIVE tree AS (SELECT id, kind, level FROM agency WHERE id = $1
                                UNION SELECT a.id, a.kind, a.level FROM agency a JOIN tree ON a.parent_id = tree.id),
            v AS (SELECT DISTINCT ON (code) code, levels, content->'competentAgency' AS c FROM procedure_version
                   WHERE effective_from <= '2026-03-31' AND (effective_to IS NULL OR effective_to >= '2026-03-31') ORDER BY code, version_no DESC)
       SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM tree a WHERE (v.c->>'kind' = 'agency' AND v.c->>'agencyId' = a.id::text)
                                              OR (v.c->>'kind' = 'rule' AND v.c->>'agencyKind' = a.kind AND v.c->>'agencyLevel' = a.level)))::int AS n,
              count(*)::int AS all
         FROM v WHERE levels && ARRAY['province', 'commune', 'district_legacy']`,
      [committee],
    );
    expect(own[0]!.n).toBeGreaterThan(0);
    expect(own[0]!.n).toBeLessThan(own[0]!.all);
    expect(report).toMatchObject({ form: 'II.07b/VPCP/KSTT', date: '2026-03-31', unit: { code: PHU_XUAN_COMMITTEE }, localCompetence: { total: own[0]!.n } });
    expect(report.oneStop.total).toBeGreaterThan(0);
    // A unit outside the caller's scope is refused like an absent one.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/reports/ii07b?unit=${PHU_XUAN_COMMITTEE}`, headers: outsider })).statusCode).toBe(404);
    const exported = async (format: 'xlsx' | 'pdf') => {
      const start = await t.app.inject({ method: 'POST', url: '/api/v1/monitoring/exports', headers: wardMonitor, payload: { report: 'ii07b', format, unit: PHU_XUAN_COMMITTEE, period: 'custom', from: '2026-03-01', to: '2026-03-31' } });
      expect(start.statusCode).toBe(202);
      await createJobRunner({ db: t.db, clock: t.clock, handlers: buildJobHandlers({ config: t.config, db: t.db, clock: t.clock }), onlyRegisteredTopics: true }).runOnce();
      const file = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/exports/${start.json().id}/file`, headers: wardMonitor });
      expect(file.statusCode).toBe(200);
      return file.rawPayload;
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported('xlsx')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('II.07b')!;
    const groups = ['localCompetence', 'oneStop', 'internalWorkflows'] as const;
    const levels = ['total', 'province', 'district', 'commune'] as const;
    expect(groups.flatMap((g, i) => levels.map((l, j) => ws.getCell(II07B_DATA_ROW, 1 + i * 4 + j).value))).toEqual(groups.flatMap((g) => levels.map((l) => report[g][l])));
    const text = pdfText(await exported('pdf'));
    expect(text).toContain('Biểu số II.07b/VPCP/KSTT');
    expect(text).toContain(groups.flatMap((g) => levels.map((l) => report[g][l])).join(' '));
  });

  it('publishes statistics without login, as JSON and CSV', async () => {
    const json = await t.app.inject({ method: 'GET', url: `/api/v1/public/statistics?${query.replace('{unit}', org.codes.agency)}` });
    expect(json.statusCode).toBe(200);
    const s = json.json();
    expect(s.received).toBe(expected['receivedOnline']! + expected['receivedDirectOrPostal']!);
    expect(s.resolved).toBe(expected['resolvedTotal']);
    expect(s.onTimeRate).toBeCloseTo((expected['resolvedEarly']! + expected['resolvedOnTime']!) / expected['resolvedTotal']!, 10);
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/public/statistics.csv?${query.replace('{unit}', org.codes.agency)}` });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('unit_code,unit_name,period_from,period_to,received,resolved,on_time_rate,online_share');
    expect(lines[1]!.split(',')[4]).toBe(String(s.received));
  });
});
