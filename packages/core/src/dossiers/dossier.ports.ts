/**
 * What the dossier engine needs from other modules, as narrow ports in dossier terms. The legal clock is the
 * calendar module's (never our own date arithmetic for legal time); the procedure case is the catalogue's, copied
 * into the dossier at reception so that a dossier keeps the version it started with, forever.
 */

export type TimeUnit = 'working-days' | 'working-hours' | 'calendar-days';

export interface TimeLimit {
  readonly amount: number;
  readonly unit: TimeUnit;
}

/**
 * The legal clock of one agency (its working periods, holidays, decisions), synchronous and pure once built.
 * Working time is counted in minutes inside working periods (legal-spec §3.4, the hours model).
 */
export interface LegalClock {
  /** Working minutes of the working day on or after `at` (480 with the default 07:00–11:30, 13:30–17:00). */
  workingDayMinutes(at: Date): number;
  /** When the clock starts for a dossier received at `at`: `at` inside a working period, else the next period start. */
  clockStart(at: Date): Date;
  /** The due time of a limit counted from `at` (the clock start is applied), with an optional same-day cut-off "HH:MM". */
  dueAt(at: Date, limit: TimeLimit, options?: { readonly sameDayCutoff?: string | null }): Date;
  /** `at` plus working minutes (pause shifts, step budgets, extensions counted in working time). */
  addWorkingMinutes(at: Date, minutes: number): Date;
  /** Working minutes between two instants (negative when `to` is before `from`). */
  workingMinutesBetween(from: Date, to: Date): number;
  /** The start of the first working period of the next working day after the local date of `at`. */
  nextWorkingDayStart(at: Date): Date;
  /** Whether the local date of `at` is a working day. */
  isWorkingDay(at: Date): boolean;
  /** The end of the last working period of the local date of `at` (meaningful on a working day). */
  endOfWorkingDay(at: Date): Date;
}

export type Channel = 'counter' | 'online' | 'postal';

/** National channel code "KenhThucHien" (legal-spec §3.1): 1 counter, 2 online, 3 postal. */
export const nationalChannelCode: Readonly<Record<Channel, 1 | 2 | 3>> = { counter: 1, online: 2, postal: 3 };

/** Where the dossier came in, recorded apart from the national channel code (legal-spec §16.3, §16.15 item 2). */
export const entryPoints = ['counter', 'postal', 'national_portal', 'vneid', 'kiosk', 'provincial_portal'] as const;
export type EntryPoint = (typeof entryPoints)[number];

export interface RequiredDocumentSnapshot {
  readonly code: string;
  readonly name: string;
  readonly originals: number;
  readonly certifiedCopies: number;
  readonly photocopies: number;
  readonly isOptional: boolean;
}

export interface FeeSnapshot {
  readonly name: string;
  readonly kind: 'fee' | 'charge' | 'other';
  readonly amount: number | null;
}

export type WorkflowRole = 'reception_officer' | 'specialist' | 'department_head' | 'agency_leader' | 'desk_supervisor';

export interface WorkflowStepDefinition {
  /** Position in the approved internal workflow, from 1. */
  readonly order: number;
  readonly name: string;
  /** The unit that acts (a department or the agency itself). */
  readonly agencyId: string;
  readonly role: WorkflowRole;
  /** Time budget in working hours (TT 01/2018 Art. 8; budgets add up to at most the legal limit). */
  readonly budgetHours: number;
}

export interface InterAgencyLegDefinition {
  readonly order: number;
  readonly agencyId: string;
  readonly budgetHours: number;
  readonly task: string;
}

export interface InterAgencyDefinition {
  /** Paper dossiers go agency after agency; electronic ones go to all at once (NĐ 61 Art. 19(6)). */
  readonly mode: 'sequential' | 'parallel';
  readonly leadAgencyId: string;
  readonly legs: readonly InterAgencyLegDefinition[];
}

/** The procedure case as the dossier keeps it (a snapshot of the published version). */
export interface ProcedureCaseSnapshot {
  readonly procedureVersionId: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly caseCode: string;
  readonly caseName: string;
  /** The agency that decides (cơ quan có thẩm quyền giải quyết). */
  readonly competentAgencyId: string;
  /** Desks that normally receive it; a desk outside the list receives "regardless of administrative boundary". */
  readonly receivingAgencyIds: readonly string[];
  /** Time limit per channel; `any` applies where no channel-specific limit exists. */
  readonly timeLimits: readonly { readonly channel: Channel | 'any'; readonly amount: number; readonly unit: TimeUnit }[];
  readonly sameDayCutoff: string | null;
  readonly pausesClockOnFinancialObligation: boolean;
  /** Centrally provided nationwide service: the TT 04/2025 code format applies (legal-spec §16.9). */
  readonly isCentrallyProvided: boolean;
  readonly requiredDocuments: readonly RequiredDocumentSnapshot[];
  readonly fees: readonly FeeSnapshot[];
  readonly workflow: readonly WorkflowStepDefinition[];
  readonly interAgency: InterAgencyDefinition | null;
  readonly allowsPostalSubmission: boolean;
  readonly allowsPostalReturn: boolean;
}

export function timeLimitFor(snapshot: ProcedureCaseSnapshot, channel: Channel): TimeLimit | null {
  const exact = snapshot.timeLimits.find((l) => l.channel === channel);
  const any = snapshot.timeLimits.find((l) => l.channel === 'any');
  const limit = exact ?? any;
  return limit ? { amount: limit.amount, unit: limit.unit } : null;
}

/** Source of new ids (uuids): core cannot make random values itself. */
export interface IdSource {
  newId(): string;
}

/** The legal clock of an agency, built from its calendar (the calendar module's loader). */
export interface LegalClockProvider {
  clockFor(agencyId: string): Promise<LegalClock>;
}

/**
 * The procedure case as published, from the catalogue, resolved for the desk that receives the dossier (a rule such
 * as "the people's committee of the commune where it is received" becomes an agency id; the internal workflow of
 * the competent agency becomes steps with agency ids).
 */
export interface ProcedureCaseReader {
  findCase(procedureVersionId: string, caseCode: string, receivingAgencyId: string): Promise<ProcedureCaseSnapshot | null>;
}
