/**
 * The procedure catalogue record (legal-spec §2): what a published administrative procedure says — cases with their
 * time limits, fees and required documents, legal basis, competent agency, online and postal options — and the
 * internal workflows (quy trình nội bộ) that the agencies follow for each case.
 *
 * A procedure is published as immutable versions; a version's `content` is one ProcedureContent. A dossier refers to
 * (procedure version id, case id) for ever.
 */
import type { OfficerRole } from '../shared/index';

/** How a time limit is counted ("DonViTinh"): working days, working hours, calendar days, months. */
export const timeUnits = ['working-days', 'working-hours', 'calendar-days', 'months'] as const;
export type TimeUnit = (typeof timeUnits)[number];

/** Channels of a procedure (glossary "channel"): counter (1), online (2), postal (3). */
export const channels = ['counter', 'online', 'postal'] as const;
export type Channel = (typeof channels)[number];

/** NĐ 42/2022 Art. 11: toàn trình (full), một phần (partial); `none` = no online service. */
export const onlineLevels = ['full', 'partial', 'none'] as const;
export type OnlineLevel = (typeof onlineLevels)[number];

/** Implementing levels (cấp thực hiện); `district_legacy` only for procedures before 1/7/2025. */
export const procedureLevels = ['central', 'province', 'commune', 'district_legacy'] as const;
export type ProcedureLevel = (typeof procedureLevels)[number];

/** Agency kinds and levels as the organisation module stores them. */
export const agencyKinds = ['people_committee', 'department', 'service_centre', 'desk', 'police', 'other'] as const;
export type AgencyKind = (typeof agencyKinds)[number];

/** phí (a fee for a public service) and lệ phí (a charge for a state administrative service). */
export const feeKinds = ['fee', 'charge'] as const;
export type FeeKind = (typeof feeKinds)[number];

export const documentRequirements = ['mandatory', 'optional', 'conditional'] as const;
export type DocumentRequirement = (typeof documentRequirements)[number];

/**
 * Who: a specific agency of the organisation tree; a rule resolved per dossier ("the people's committee of the
 * commune where the dossier is received", or "every commune service centre"); or a body outside our tree (e.g.
 * the social insurance office in an inter-agency procedure).
 */
export type AgencyRef =
  | { readonly kind: 'agency'; readonly agencyId: string; readonly name: string }
  | {
      readonly kind: 'rule';
      /** where_received: the agency of this kind and level for the place the dossier is received; every: all of them. */
      readonly rule: 'where_received' | 'every';
      readonly agencyKind: AgencyKind;
      readonly agencyLevel: ProcedureLevel;
      /** How the rule reads to people, e.g. "UBND xã, phường nơi tiếp nhận hồ sơ". */
      readonly name: string;
    }
  | { readonly kind: 'external'; readonly name: string };

export interface ProcessingTime {
  readonly amount: number;
  readonly unit: TimeUnit;
  /** The channels this limit applies to (limits differ per channel for some procedures). */
  readonly channels: readonly Channel[];
  /** "HH:MM": received at or after the cut-off, the same-day limit runs from the next working day. */
  readonly sameDayCutoff: string | null;
  readonly note: string | null;
  /** True when the value was inferred (e.g. the national record showed no unit); shown as such to users. */
  readonly isInferred: boolean;
}

export interface Fee {
  readonly code: string | null;
  readonly name: string;
  readonly kind: FeeKind;
  /** Integer VND; null when the amount is a rule (e.g. "2.000 đồng/trang") or decided elsewhere (HĐND). */
  readonly amountVnd: number | null;
  /** The unit the amount is charged per, e.g. "/trang", "/trường hợp". */
  readonly per: string | null;
  /** Rule text when the amount is not a flat figure. */
  readonly rule: string | null;
  readonly exemptions: readonly string[];
  readonly channels: readonly Channel[];
}

export interface FormTemplate {
  readonly name: string;
  readonly url: string | null;
}

export interface RequiredDocument {
  readonly code: string | null;
  readonly name: string;
  readonly originals: number;
  readonly certifiedCopies: number;
  readonly photocopies: number;
  /** "bản sao" where the source does not say whether certified or plain. */
  readonly copies: number;
  readonly requirement: DocumentRequirement;
  /** Required when requirement is conditional. */
  readonly condition: string | null;
  /** Shown at the desk, not filed (xuất trình). */
  readonly isPresentOnly: boolean;
  readonly formTemplates: readonly FormTemplate[];
  /**
   * The submission channels the document is asked on; absent or null = every channel. The national records list a
   * channel's own form beside the other's ("Tờ khai … (nếu … nộp hồ sơ theo hình thức trực tiếp)" for counter and
   * postal submission, "Mẫu … điện tử tương tác" online). Never empty (validation).
   */
  readonly channels?: readonly Channel[] | null;
}

/** Whether a document of the catalogue is asked on a submission channel (every channel when it names none). */
export function documentAppliesTo(document: Pick<RequiredDocument, 'channels'>, channel: Channel): boolean {
  return !document.channels || document.channels.includes(channel);
}

/** The unit responsible for a workflow step. */
export type ResponsibleUnit =
  | { readonly relation: 'receiving_desk'; readonly label: string }
  | { readonly relation: 'competent_agency'; readonly label: string }
  | { readonly relation: 'agency'; readonly agencyId: string; readonly label: string }
  | { readonly relation: 'external'; readonly label: string };

export interface WorkflowTask {
  readonly kind: 'task';
  readonly id: string;
  readonly name: string;
  readonly responsibleUnit: ResponsibleUnit;
  readonly role: OfficerRole;
  /** Working hours. */
  readonly budgetHours: number;
}

export interface WorkflowBranch {
  readonly id: string;
  readonly name: string;
  readonly steps: readonly WorkflowTask[];
}

/** Consultation branches that run at the same time; the step lasts as long as its longest branch. */
export interface WorkflowParallel {
  readonly kind: 'parallel';
  readonly id: string;
  readonly name: string;
  readonly branches: readonly WorkflowBranch[];
}

export type WorkflowStep = WorkflowTask | WorkflowParallel;

export interface InternalWorkflow {
  readonly id: string;
  readonly name: string;
  /** The agency whose workflow this is (a rule for procedures every commune handles). */
  readonly agency: AgencyRef;
  /** The channels it serves; null = every channel of the case. */
  readonly channels: readonly Channel[] | null;
  readonly steps: readonly WorkflowStep[];
  /** The decision approving the workflow (TT 01/2018 Art. 8), when known. */
  readonly approvalDecision: { readonly number: string; readonly date: string | null } | null;
}

export interface ProcedureCase {
  /** Stable within the procedure across versions: a dossier refers to (version id, case id). */
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly processingTimes: readonly ProcessingTime[];
  readonly fees: readonly Fee[];
  readonly documents: readonly RequiredDocument[];
  readonly workflows: readonly InternalWorkflow[];
}

export interface LegalBasis {
  readonly number: string;
  readonly title: string;
  readonly issuedBy: string | null;
  /** YYYY-MM-DD when known. */
  readonly date: string | null;
}

export interface ProcedureResult {
  readonly code: string | null;
  readonly name: string;
}

export interface ProcedureContent {
  readonly name: string;
  readonly field: { readonly code: string; readonly name: string };
  readonly levels: readonly ProcedureLevel[];
  readonly competentAgency: AgencyRef;
  readonly receivingDesks: readonly AgencyRef[];
  readonly subjects: string | null;
  /** Trình tự thực hiện, one entry per step. */
  readonly steps: readonly string[];
  readonly conditions: string | null;
  readonly results: readonly ProcedureResult[];
  readonly legalBasis: readonly LegalBasis[];
  readonly publicationDecision: { readonly number: string; readonly date: string | null } | null;
  /** null: the source does not state it. */
  readonly onlineLevel: OnlineLevel | null;
  readonly legacyOnlineLevel: 1 | 2 | 3 | 4 | null;
  /** NĐ 224/2026 Art. 14: the published reason why a procedure is only partly online. */
  readonly partialOnlineReason: string | null;
  /** null: unknown. */
  readonly postal: { readonly submit: boolean; readonly return: boolean } | null;
  readonly requiresPersonalPresence: boolean;
  readonly cases: readonly ProcedureCase[];
  readonly documentNotes: readonly string[];
  /** Provenance: where the content was read, whether it was checked, and what was inferred rather than copied. */
  readonly source: { readonly url: string | null; readonly note: string | null } | null;
  readonly isVerified: boolean;
  readonly inferredFields: readonly string[];
}

/** A published, immutable version of a procedure. */
export interface ProcedureVersion {
  readonly id: string;
  readonly procedureId: string;
  readonly code: string;
  readonly versionNo: number;
  /** YYYY-MM-DD. */
  readonly effectiveFrom: string;
  /** YYYY-MM-DD; null while no later version is published. */
  readonly effectiveTo: string | null;
  readonly publishedAt: Date;
  readonly publishedBy: string | null;
  readonly changeNote: string | null;
  readonly content: ProcedureContent;
}

export const draftStatuses = ['editing', 'in_review', 'published', 'discarded'] as const;
export type DraftStatus = (typeof draftStatuses)[number];

export interface ProcedureDraft {
  readonly id: string;
  readonly code: string;
  readonly procedureId: string | null;
  readonly baseVersionId: string | null;
  readonly status: DraftStatus;
  readonly content: ProcedureContent;
  readonly rowVersion: number;
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly reviewNote: string | null;
  readonly publishedVersionId: string | null;
}

/** National procedure codes look like 1.000948; local codes (no national code yet) like H57.LOCAL.0001. */
export const PROCEDURE_CODE_PATTERN = /^[0-9A-Z][0-9A-Z.-]{2,39}$/;
/** Case, workflow, step and branch ids: short slugs. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function findCase(content: ProcedureContent, caseId: string): ProcedureCase | null {
  return content.cases.find((c) => c.id === caseId) ?? null;
}

/** The channels a procedure offers: the union of its cases' processing-time channels. */
export function channelsOf(content: ProcedureContent): Channel[] {
  const set = new Set<Channel>();
  for (const c of content.cases) for (const t of c.processingTimes) for (const ch of t.channels) set.add(ch);
  return channels.filter((ch) => set.has(ch));
}

/** The date part of an instant in Asia/Ho_Chi_Minh (UTC+7, no daylight saving): the legal calendar date. */
export function legalDateOf(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD ± days. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
