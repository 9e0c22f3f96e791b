/**
 * The shape of every transition: `(dossier, command, context) → Result<{ next, events }>`. A transition is pure:
 * time, the actor, the legal clock, the policy and new ids come in the context; it returns the next aggregate
 * and the events to append, or a domain error with a stable code.
 */
import type { Actor } from '../shared/index';
import type { Result } from '../shared/index';
import type { DossierError } from './dossier.errors';
import type { Dossier } from './dossier';
import type { IdSource, LegalClock } from './dossier.ports';
import type { DossierState, NationalStatus } from './dossier-state';
import type { FormReference } from './forms';
import type { DossierPolicy } from './policy';

export const dossierEventKinds = [
  'submit',
  'receive',
  'guide',
  'refuse_at_reception',
  'request_supplement',
  'provide_supplement',
  'transfer',
  'claim_step',
  'assign_step',
  'complete_step',
  'return_step',
  'request_consultation',
  'answer_consultation',
  'complete_leg',
  'request_payment',
  'confirm_payment',
  'extend',
  'draft_apology',
  'refuse_after_appraisal',
  'stop',
  'withdraw',
  'record_result',
  'return_result',
  'confirm_delivery',
  'shift_due_time',
] as const;
export type DossierEventKind = (typeof dossierEventKinds)[number];

export interface DossierEvent {
  readonly id: string;
  readonly kind: DossierEventKind;
  readonly at: Date;
  readonly actorKind: Actor['kind'];
  readonly actorId: string | null;
  readonly actorName: string | null;
  /** The agency on whose behalf the actor acted. */
  readonly agencyId: string | null;
  readonly fromState: DossierState | null;
  readonly toState: DossierState;
  readonly fromStatus: NationalStatus | null;
  readonly toStatus: NationalStatus | null;
  readonly note: string | null;
  readonly form: FormReference | null;
  /** The data the form is rendered from (the documents module renders it); may hold personal data. */
  readonly formData: Readonly<Record<string, unknown>> | null;
  /** Structured facts of the event (step id, due times, items) without personal data. */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface TransitionContext {
  readonly now: Date;
  readonly actor: Actor;
  readonly clock: LegalClock;
  readonly policy: DossierPolicy;
  readonly ids: IdSource;
}

export interface Transition {
  readonly next: Dossier;
  readonly events: readonly DossierEvent[];
}

export type TransitionResult = Result<Transition, DossierError>;
