/**
 * The dossier engine's services, built once per app from its configuration and database: the policy (rules with
 * the deployment's settings), the legal clocks (the calendar module's per-agency loader), the procedure cases (the
 * catalogue), and the notice channels (SMTP mailer, VNPT SMS). Routes and jobs share one instance.
 */
import { createSmtpMailer, createVnptSmsSender } from '@motcua/adapters/notifications';
import type { Mailer, SmsSender } from '@motcua/core/notifications';
import { defaultDossierPolicy, defaultStatusMapping, type DossierPolicy, type ProcedureCaseReader } from '@motcua/core/dossiers';
import { legalClockCacheFor, type LegalClockCache } from '@motcua/db/dossiers';
import type { AppDeps } from '../deps';
import { catalogProcedureCaseReader } from '../catalog/procedure-case-reader';

export interface DossierServices {
  readonly policy: DossierPolicy;
  /** Read through the use case's transaction (`clocks.through(tx)`), or the database handle outside one. */
  readonly clocks: LegalClockCache;
  readonly cases: ProcedureCaseReader;
  readonly mailer: Mailer | null;
  readonly sms: SmsSender | null;
  readonly trackingUrl: (code: string) => string;
}

const built = new WeakMap<AppDeps, DossierServices>();

export function policyOf(config: AppDeps['config']): DossierPolicy {
  const c = config.dossiers;
  return {
    ...defaultDossierPolicy,
    onlineReceptionCheckWorkingHours: c.receptionCheckWorkingHours,
    warningWorkingHours: c.warningWorkingHours,
    clockStartsAtCompetentAgency: c.clockStartsAtCompetentAgency,
    centralSystemDigits: c.centralSystemDigits,
    statusMapping: { ...defaultStatusMapping, refused_after_appraisal: c.refusedAfterAppraisalStatus },
  };
}

export function dossierServices(deps: AppDeps): DossierServices {
  const existing = built.get(deps);
  if (existing) return existing;
  const { config } = deps;
  const sms = config.dossiers.sms;
  const services: DossierServices = {
    policy: policyOf(config),
    clocks: legalClockCacheFor(deps.db),
    cases: catalogProcedureCaseReader(deps.db, { hoursPerWorkingDay: config.catalog.hoursPerWorkingDay }),
    mailer: config.smtp
      ? createSmtpMailer({
          url: config.smtp.url,
          from: config.smtp.from,
          messageIdDomain: new URL(config.server.publicUrl).hostname,
          ignoreTls: config.smtp.url.startsWith('smtp://127.0.0.1') || config.smtp.url.startsWith('smtp://localhost'),
        })
      : null,
    sms: sms
      ? createVnptSmsSender({
          url: sms.url,
          apiUser: sms.apiUser,
          apiPassword: sms.apiPassword,
          labelId: sms.labelId,
          contractId: sms.contractId,
          templateId: sms.templateId,
        })
      : null,
    trackingUrl: (code) => `${config.server.publicUrl}/tra-cuu?ma=${encodeURIComponent(code)}`,
  };
  built.set(deps, services);
  return services;
}
