/**
 * The dossier aggregate as the pure transitions see it: the dossier, its parties, its workflow steps, hand-overs,
 * supplement requests, extensions, consultations, inter-agency legs, financial obligations, result and return.
 * Repositories load and save it whole (it is small); every change goes through a transition.
 */
import type { DossierState } from './dossier-state';
import type { Channel, EntryPoint, ProcedureCaseSnapshot, WorkflowRole } from './dossier.ports';

export type PartyRole = 'applicant' | 'owner' | 'authorised';

/** Personal data: kept in the database and on forms, never in URLs, logs or audit summaries. */
export interface Party {
  readonly role: PartyRole;
  readonly kind: 'person' | 'organisation';
  readonly fullName: string;
  /** Số định danh cá nhân / mã số doanh nghiệp. */
  readonly identityNumber: string | null;
  readonly address: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  /** For an authorised person: the authorisation document (number, date). */
  readonly authorisationDocument: string | null;
}

export interface ReceivedDocument {
  readonly code: string | null;
  readonly name: string;
  readonly originals: number;
  readonly certifiedCopies: number;
  readonly photocopies: number;
}

export type StepStatus = 'pending' | 'active' | 'completed' | 'returned';

export interface StepInstance {
  readonly id: string;
  readonly order: number;
  readonly name: string;
  readonly agencyId: string;
  readonly role: WorkflowRole;
  readonly budgetHours: number;
  readonly status: StepStatus;
  readonly assigneeId: string | null;
  readonly assigneeName: string | null;
  readonly activatedAt: Date | null;
  readonly dueAt: Date | null;
  readonly completedAt: Date | null;
  /** Times this step was activated (a return to it activates it again). */
  readonly round: number;
}

export type Timeliness = 'early' | 'on_time' | 'late';

/** One row of the control sheet: the dossier passes from a giver to a receiver who must act by `dueAt`. */
export interface Handover {
  readonly id: string;
  readonly seq: number;
  readonly kind: 'reception' | 'transfer' | 'step' | 'return_step' | 'consultation' | 'inter_agency' | 'result' | 'return';
  readonly fromAgencyId: string | null;
  readonly fromUserId: string | null;
  readonly fromName: string | null;
  readonly toAgencyId: string | null;
  readonly toUserId: string | null;
  readonly toRole: string | null;
  readonly at: Date;
  /** When the receiver's part is due (step due, transfer due, dossier due). */
  readonly dueAt: Date | null;
  /** When the receiver finished its part (the next hand-over), then classified against dueAt. */
  readonly completedAt: Date | null;
  readonly timeliness: Timeliness | null;
  readonly note: string | null;
}

export interface SupplementRequest {
  readonly id: string;
  readonly stage: 'reception' | 'appraisal';
  /** The state the dossier goes back to when the supplement arrives. */
  readonly resumeState: 'submitted' | 'received' | 'processing';
  readonly requestedAt: Date;
  readonly requestedById: string;
  readonly agencyId: string;
  readonly items: readonly string[];
  readonly reason: string;
  /** Later than the allowed working days after reception (NĐ 61 Art. 19(4): 3 working days). */
  readonly isLate: boolean;
  readonly providedAt: Date | null;
  /** The due time before the request, kept when the clock restarts. */
  readonly dueAtBefore: Date | null;
  readonly dueAtAfter: Date | null;
}

export interface Extension {
  readonly id: string;
  readonly requestedAt: Date;
  readonly requestedById: string;
  readonly agencyId: string;
  readonly reason: string;
  readonly previousDueAt: Date;
  readonly newDueAt: Date;
}

export interface Consultation {
  readonly id: string;
  readonly stepId: string | null;
  readonly fromAgencyId: string;
  readonly toAgencyId: string;
  readonly question: string;
  readonly requestedAt: Date;
  readonly requestedById: string;
  readonly dueAt: Date;
  readonly answeredAt: Date | null;
  readonly answeredById: string | null;
  readonly answer: string | null;
}

export interface InterAgencyLeg {
  readonly id: string;
  readonly order: number;
  readonly agencyId: string;
  readonly task: string;
  readonly budgetHours: number;
  readonly status: 'pending' | 'active' | 'completed';
  readonly activatedAt: Date | null;
  readonly dueAt: Date | null;
  readonly completedAt: Date | null;
  readonly completedById: string | null;
  readonly outcome: string | null;
}

export interface FinancialObligation {
  readonly id: string;
  readonly requestedAt: Date;
  readonly requestedById: string;
  readonly items: readonly { readonly name: string; readonly amount: number }[];
  /** Integer VND. */
  readonly totalAmount: number;
  readonly pausesClock: boolean;
  readonly paidAt: Date | null;
  readonly paymentReference: string | null;
}

export interface DossierResult {
  readonly recordedAt: Date;
  readonly recordedById: string;
  readonly kind: 'granted' | 'refused';
  readonly documentNumber: string | null;
  readonly summary: string;
  readonly attachmentIds: readonly string[];
  readonly signerName: string | null;
}

export interface DossierReturn {
  readonly method: 'counter' | 'postal' | 'online';
  readonly handedOverAt: Date;
  readonly handedOverById: string;
  /** Who received it: the applicant, the owner, an authorised person, or the courier (postal). */
  readonly receiverName: string | null;
  readonly receiverRole: 'applicant' | 'owner' | 'authorised' | 'courier' | null;
  readonly waybillNumber: string | null;
  readonly deliveredAt: Date | null;
}

export interface PostalData {
  /** Signing of the hand-over minutes (biên bản giao nhận): the legal submission time (QĐ 45/2016 Art. 7(4)). */
  readonly handoverMinutesSignedAt: Date | null;
  readonly handoverMinutesNumber: string | null;
  readonly submissionWaybills: readonly string[];
  readonly returnByPost: boolean;
  readonly deliveryAddress: string | null;
}

export interface LedgerEntry {
  readonly deskAgencyId: string;
  readonly year: number;
  readonly number: number;
}

export interface Dossier {
  readonly id: string;
  /** Optimistic concurrency: every saved transition increments it. */
  readonly version: number;
  readonly code: string | null;
  readonly codeFormat: string | null;
  readonly state: DossierState;
  readonly channel: Channel;
  readonly entryPoint: EntryPoint;
  /** Paper dossiers are transferred by the working-day rule; electronic ones at once (NĐ 118 Art. 18(2)). */
  readonly isPaper: boolean;
  readonly procedure: ProcedureCaseSnapshot;
  /** The desk that received it (its code is in the dossier code). */
  readonly receivingAgencyId: string;
  readonly competentAgencyId: string;
  /** Who holds it now (desk, department, agency): drives inboxes. */
  readonly currentAgencyId: string;
  readonly isBoundaryFree: boolean;
  /** The citizen account that owns it online (null for counter dossiers without an account). */
  readonly ownerUserId: string | null;
  readonly summary: string;
  readonly parties: readonly Party[];
  readonly documents: readonly ReceivedDocument[];
  readonly setCount: number;
  readonly returnMethod: 'counter' | 'postal' | 'online';
  readonly postal: PostalData | null;
  /** The desk ledger row (Form 06/07), numbered continuously per desk per year. */
  readonly ledgerEntry: LedgerEntry | null;
  readonly submittedAt: Date;
  readonly receivedAt: Date | null;
  readonly receivedById: string | null;
  /** When the competent agency received it; the clock runs from here for boundary-free dossiers (§16.3). */
  readonly competentReceivedAt: Date | null;
  readonly clockStartedAt: Date | null;
  /** The first due time ever computed: kept for history when the clock restarts. */
  readonly initialDueAt: Date | null;
  /** The legal due time (after restarts and pauses, before extension): the base of early/on-time/late. */
  readonly dueAt: Date | null;
  /** The due time after an extension, reported beside the original. */
  readonly extendedDueAt: Date | null;
  readonly clockPausedAt: Date | null;
  readonly transferDueAt: Date | null;
  readonly transferredAt: Date | null;
  readonly processingEndedAt: Date | null;
  readonly timeliness: Timeliness | null;
  readonly closedAt: Date | null;
  readonly steps: readonly StepInstance[];
  readonly handovers: readonly Handover[];
  readonly supplementRequests: readonly SupplementRequest[];
  readonly extensions: readonly Extension[];
  readonly consultations: readonly Consultation[];
  readonly interAgencyLegs: readonly InterAgencyLeg[];
  readonly financialObligations: readonly FinancialObligation[];
  readonly result: DossierResult | null;
  readonly dossierReturn: DossierReturn | null;
}

/** The due time that applies now: the extended one if any, else the legal one. */
export function effectiveDueAt(dossier: Pick<Dossier, 'dueAt' | 'extendedDueAt'>): Date | null {
  return dossier.extendedDueAt ?? dossier.dueAt;
}

export function partyOf(dossier: Pick<Dossier, 'parties'>, role: PartyRole): Party | null {
  return dossier.parties.find((p) => p.role === role) ?? null;
}

export function activeStep(dossier: Pick<Dossier, 'steps'>): StepInstance | null {
  return dossier.steps.find((s) => s.status === 'active') ?? null;
}
