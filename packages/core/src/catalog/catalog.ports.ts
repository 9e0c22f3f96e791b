/** What the catalogue's use cases need from storage; packages/db implements it over one transaction. */
import type { AuditLog } from '../shared/index';
import type { InterAgencyGroup, InterAgencyGroupContent } from './inter-agency';
import type { DraftStatus, ProcedureContent, ProcedureDraft, ProcedureVersion } from './procedure';
import type { TimeLimitOptions } from './time-limit';

export interface NewProcedureVersion {
  readonly code: string;
  readonly content: ProcedureContent;
  readonly effectiveFrom: string;
  readonly publishedAt: Date;
  readonly publishedBy: string | null;
  readonly changeNote: string | null;
}

export interface DraftChanges {
  readonly content?: ProcedureContent;
  readonly status?: DraftStatus;
  readonly reviewNote?: string | null;
  readonly publishedVersionId?: string;
  readonly updatedAt: Date;
  readonly actorId: string | null;
}

export interface AgencySummary {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly level: string;
}

export interface CatalogStore {
  /** The version with the highest number, published or future-dated; null for a procedure never published. */
  findLatestVersion(code: string): Promise<ProcedureVersion | null>;
  /** Creates the procedure on first publication, inserts the version, closes the previous one. */
  insertVersion(version: NewProcedureVersion, previous: ProcedureVersion | null): Promise<ProcedureVersion>;
  findDraft(id: string): Promise<ProcedureDraft | null>;
  findOpenDraft(code: string): Promise<ProcedureDraft | null>;
  insertDraft(draft: {
    code: string;
    baseVersion: ProcedureVersion | null;
    content: ProcedureContent;
    createdBy: string | null;
    createdAt: Date;
  }): Promise<ProcedureDraft>;
  /** Applies the changes when the row version still matches; null when someone else changed the draft first. */
  updateDraft(id: string, expectedRowVersion: number, changes: DraftChanges): Promise<ProcedureDraft | null>;
  findAgencies(ids: readonly string[]): Promise<AgencySummary[]>;
  findInterAgencyGroup(id: string): Promise<InterAgencyGroup | null>;
  insertInterAgencyGroup(group: InterAgencyGroupContent, at: Date): Promise<InterAgencyGroup>;
  updateInterAgencyGroup(
    id: string,
    expectedRowVersion: number,
    group: InterAgencyGroupContent,
    at: Date,
  ): Promise<InterAgencyGroup | null>;
  /** Which of the codes have a published version. */
  existingProcedureCodes(codes: readonly string[]): Promise<string[]>;
}

export interface CatalogDeps {
  readonly store: CatalogStore;
  readonly audit: AuditLog;
  readonly now: Date;
  readonly actorId: string | null;
  readonly timeLimits?: TimeLimitOptions;
}
