import { describe, expect, it } from 'vitest';
import type { AttachmentDto } from '@motcua/contracts/dossiers';
import type { SessionUser } from '@motcua/contracts/identity';
import type { Dossier } from '../desk/desk-queries';
import type { IssuedDocument } from '../leader/approval';
import { actionsFor, isLeaderOfActiveStep } from './action-specs';
import { refuseResultFile, resultDocumentState, resultFileChoices } from './result-files';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('refuseResultFile: what the browser refuses before uploading, like the server', () => {
  it('takes a PDF by its first bytes within the limit', () => {
    expect(refuseResultFile(bytes('%PDF-'), 1000, 1000)).toBeNull();
    expect(refuseResultFile(bytes('%PDF-'), 1000, null)).toBeNull();
  });
  it('refuses what is not a PDF by content, whatever its name, an empty file, and a file over the limit', () => {
    expect(refuseResultFile(bytes('PK\u0003\u0004'), 1000, 1000)).toBe('notPdf');
    expect(refuseResultFile(bytes('%PDF'), 4, 1000)).toBe('notPdf');
    expect(refuseResultFile(new Uint8Array(), 0, 1000)).toBe('empty');
    expect(refuseResultFile(bytes('%PDF-'), 1001, 1000)).toBe('tooLarge');
  });
});

const doc = (over: Partial<IssuedDocument>): IssuedDocument => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'result',
  formSet: null,
  formNumber: null,
  title: 'Giấy khai sinh',
  documentNumber: null,
  eventId: null,
  sha256: 'a'.repeat(64),
  sizeBytes: 10,
  mediaType: 'application/pdf',
  origin: 'uploaded',
  approvedAt: null,
  replacedBy: null,
  createdAt: '2026-03-02T03:00:00Z',
  contentUrl: '/x',
  signedUrl: null,
  ...over,
});
const step = (role: string, status: 'active' | 'completed' | 'pending') => ({
  id: `s-${role}`,
  order: 1,
  name: role,
  agencyId: 'ag',
  role,
  budgetHours: 8,
  status,
  assigneeId: null,
  assigneeName: null,
  activatedAt: null,
  dueAt: null,
  completedAt: null,
  round: 1,
});

describe('resultDocumentState: draft → awaiting approval → approved → signed', () => {
  const atSpecialist = { state: 'processing' as const, steps: [step('specialist', 'active'), step('agency_leader', 'pending')] };
  const atLeader = { state: 'processing' as const, steps: [step('specialist', 'completed'), step('agency_leader', 'active')] };
  it('follows the dossier to the leader, then the approval and the signature', () => {
    expect(resultDocumentState(doc({}), atSpecialist)).toBe('draft');
    expect(resultDocumentState(doc({}), atLeader)).toBe('awaitingApproval');
    expect(resultDocumentState(doc({ approvedAt: '2026-03-02T04:00:00Z' }), atLeader)).toBe('approved');
    expect(resultDocumentState(doc({ approvedAt: '2026-03-02T04:00:00Z', signedUrl: '/s' }), { state: 'result_ready', steps: [] })).toBe('signed');
  });
  it('a replaced draft stays replaced at any step', () => {
    expect(resultDocumentState(doc({ replacedBy: '00000000-0000-4000-8000-000000000002' }), atLeader)).toBe('replaced');
  });
});

const attachment = (id: string, sha: string, purpose: AttachmentDto['purpose'] = 'result'): AttachmentDto => ({
  id,
  dossierId: 'd1',
  purpose,
  requiredDocumentCode: null,
  fileName: `${id}.pdf`,
  mediaType: 'application/pdf',
  sizeBytes: 10,
  sha256: sha,
  reusedFromId: null,
  uploadedAt: '2026-03-02T03:00:00Z',
});

describe('resultFileChoices and the "record the result" action', () => {
  const files = [
    attachment('scan', 'b'.repeat(64), 'document'),
    attachment('annex', 'c'.repeat(64)),
    attachment('uploaded-result', 'a'.repeat(64)),
    attachment('old-draft', 'd'.repeat(64)),
  ];
  const documents = [doc({}), doc({ id: '00000000-0000-4000-8000-000000000003', sha256: 'd'.repeat(64), replacedBy: '00000000-0000-4000-8000-000000000001' })];

  it('offers the result attachments that are not the content of a result document (those are signed as that document)', () => {
    expect(resultFileChoices(files, documents).map((a) => a.id)).toEqual(['annex']);
    expect(resultFileChoices(files, []).map((a) => a.id)).toEqual(['annex', 'uploaded-result', 'old-draft']);
  });

  const t = ((key: string) => key) as never;
  const leader = { roles: [{ role: 'agency_leader', agencyId: 'ag' }] } as unknown as SessionUser;
  const dossier = {
    state: 'processing',
    steps: [step('agency_leader', 'active')],
    supplementRequests: [],
    consultations: [],
    interAgencyLegs: [],
    parties: [],
  } as unknown as Dossier;
  const resultAction = (choices: { id: string; fileName: string }[]) => actionsFor(dossier, leader, [], t, choices).find((a) => a.id === 'result')!;

  it('sends the result files left ticked (all by default), none when the dossier has none', () => {
    const action = resultAction([{ id: 'annex', fileName: 'annex.pdf' }, { id: 'map', fileName: 'map.png' }]);
    const field = action.fields.find((f) => f.name === 'attachmentIds')!;
    expect(field.kind).toBe('checks');
    const values = { kind: 'granted', summary: ' Cấp ', attachmentIds: field.initial! };
    expect(action.body(values)).toMatchObject({ summary: 'Cấp', attachmentIds: ['annex', 'map'] });
    expect(action.body({ ...values, attachmentIds: 'map' })).toMatchObject({ attachmentIds: ['map'] });
    const none = resultAction([]);
    expect(none.fields.some((f) => f.name === 'attachmentIds')).toBe(false);
    expect(none.body({ kind: 'granted', summary: 'x' })).toMatchObject({ attachmentIds: [] });
  });
});

describe('isLeaderOfActiveStep: who is sent on to the leader\'s desk from the dossier page', () => {
  const officer = (...roles: [string, string][]) =>
    ({ roles: roles.map(([role, agencyId]) => ({ role, agencyId, agencyCode: 'X', agencyName: 'X' })) }) as Pick<SessionUser, 'roles'>;
  const atLeader = { steps: [step('specialist', 'completed'), step('agency_leader', 'active')] };
  it('the agency leader of the step\'s agency, when the dossier waits at the leader\'s step', () => {
    expect(isLeaderOfActiveStep(atLeader, officer(['agency_leader', 'ag']))).toBe(true);
    expect(isLeaderOfActiveStep(atLeader, officer(['specialist', 'ag'], ['agency_leader', 'ag']))).toBe(true);
  });
  it('not a specialist or a department head of that agency, nor the leader of another agency', () => {
    expect(isLeaderOfActiveStep(atLeader, officer(['specialist', 'ag']))).toBe(false);
    expect(isLeaderOfActiveStep(atLeader, officer(['department_head', 'ag']))).toBe(false);
    expect(isLeaderOfActiveStep(atLeader, officer(['agency_leader', 'other'], ['specialist', 'ag']))).toBe(false);
    expect(isLeaderOfActiveStep(atLeader, null)).toBe(false);
  });
  it('not the leader either while the dossier is at another step', () => {
    const atSpecialist = { steps: [step('specialist', 'active'), step('agency_leader', 'pending')] };
    expect(isLeaderOfActiveStep(atSpecialist, officer(['agency_leader', 'ag']))).toBe(false);
    expect(isLeaderOfActiveStep({ steps: [] }, officer(['agency_leader', 'ag']))).toBe(false);
  });
});
