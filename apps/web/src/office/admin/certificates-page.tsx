/**
 * Certificates (/office/admin/certificates, system administrators): the signing certificates of the agencies I
 * administer — each agency's seal and its signers' personal certificates — with how long each stays valid
 * (valid / expiring within the warning window / expired, days left); import a PKCS#12 file (.p12/.pfx with its
 * password, purpose seal or personal, the holder for a personal one); deactivate one with a reason. The server
 * judges (wrong password, expired, duplicate, outside my agencies) and its reason is shown in plain words.
 * API: docs/signatures.md (GET/POST /signatures/certificates, POST …/{id}/deactivate).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { certificateListResponse, certificateResponse, type CertificateResponse } from '@motcua/contracts/signatures';
import { officerListResponse } from '@motcua/contracts/identity';
import { api, useErrorText } from '../../api';
import { usePageTitle } from '../../shell/page-title';
import { Button, Checkbox, DataTable, Dialog, EmptyState, FormErrorSummary, Select, Spinner, StatusTag, TextArea, TextField, useToast, type Column, type FormErrorItem } from '../../ui';
import '../leader/leader.css';
import { useAdministeredAgencies } from './agency-options';

const certificatesKey = ['signing-certificates'] as const;
const MAX_FILE_BYTES = 150_000; // the API takes at most 200,000 base64 characters

interface AgencyOption {
  id: string;
  label: string;
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function ImportForm({ agencies, onDone }: { agencies: readonly AgencyOption[]; onDone: (c: CertificateResponse) => void }) {
  const { t } = useTranslation(['leader', 'kit']);
  const errorText = useErrorText();
  const [agencyId, setAgencyId] = useState(agencies[0]?.id ?? '');
  const [purpose, setPurpose] = useState<'seal' | 'personal'>('seal');
  const [holderUserId, setHolderUserId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0); // remounts the file input once the file is imported
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<FormErrorItem[]>([]);
  const officers = useQuery({ queryKey: ['officers'], queryFn: () => api.get('/officers', officerListResponse), enabled: purpose === 'personal' });
  const holders = (officers.data?.officers ?? []).filter((o) => o.isActive && o.grants.some((g) => g.agencyId === agencyId));
  const run = useMutation({
    mutationFn: async () =>
      api.post(
        '/signatures/certificates',
        { agencyId, purpose, ...(purpose === 'personal' ? { holderUserId } : {}), pkcs12: await fileToBase64(file!), password },
        certificateResponse,
      ),
    onSuccess: (c) => {
      setFile(null);
      setFileKey((k) => k + 1);
      setPassword('');
      onDone(c);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!agencyId) found['cert-agency'] = t('certificates.errors.agency');
    if (purpose === 'personal' && !holderUserId) found['cert-holder'] = t('certificates.errors.holder');
    if (!file) found['cert-file'] = t('certificates.errors.file');
    else if (file.size > MAX_FILE_BYTES) found['cert-file'] = t('certificates.errors.fileTooLarge');
    setErrors(found);
    setSummary(Object.entries(found).map(([fieldId, message]) => ({ fieldId, message })));
    if (Object.keys(found).length === 0) run.mutate();
  };
  return (
    <form noValidate onSubmit={submit} className="review-panel" aria-labelledby="cert-import-title">
      <h2 id="cert-import-title">{t('certificates.importTitle')}</h2>
      <p className="muted">{t('certificates.importLead')}</p>
      {summary.length > 0 && <FormErrorSummary errors={summary} />}
      <Select
        id="cert-agency"
        label={t('certificates.agency')}
        required
        value={agencyId}
        error={errors['cert-agency']}
        options={agencies.map((a) => ({ value: a.id, label: a.label }))}
        onChange={(e) => setAgencyId(e.target.value)}
      />
      <Select
        id="cert-purpose"
        label={t('certificates.purpose')}
        required
        value={purpose}
        options={(['seal', 'personal'] as const).map((p) => ({ value: p, label: t(`certificates.purposes.${p}`) }))}
        onChange={(e) => setPurpose(e.target.value as 'seal' | 'personal')}
      />
      {purpose === 'personal' && (
        <Select
          id="cert-holder"
          label={t('certificates.holder')}
          hint={officers.isPending ? t('certificates.loadingOfficers') : holders.length === 0 ? t('certificates.noHolders') : t('certificates.holderHint')}
          required
          value={holderUserId}
          placeholder=""
          error={errors['cert-holder']}
          options={holders.map((o) => ({ value: o.id, label: `${o.displayName}${o.email ? ` (${o.email})` : ''}` }))}
          onChange={(e) => setHolderUserId(e.target.value)}
        />
      )}
      <div className={`field${errors['cert-file'] ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor="cert-file">
          {t('certificates.file')} <span className="field__required"> {t('kit:field.required')}</span>
        </label>
        <p className="field__hint" id="cert-file-hint">
          {t('certificates.fileHint')}
        </p>
        {errors['cert-file'] && (
          <p className="field__error" id="cert-file-error">
            {errors['cert-file']}
          </p>
        )}
        <input
          key={fileKey}
          id="cert-file"
          type="file"
          accept=".p12,.pfx,application/x-pkcs12"
          aria-describedby={`cert-file-hint${errors['cert-file'] ? ' cert-file-error' : ''}`}
          aria-invalid={errors['cert-file'] ? true : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <TextField id="cert-password" label={t('certificates.password')} hint={t('certificates.passwordHint')} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
      {run.isError && (
        <p role="alert" className="field__error">
          {t('certificates.importFailed', { reason: errorText(run.error) })}
        </p>
      )}
      <div className="toolbar">
        <Button type="submit" busy={run.isPending}>
          {t('certificates.import')}
        </Button>
      </div>
    </form>
  );
}

function DeactivateDialog({ certificate, onClose, onDone }: { certificate: CertificateResponse | null; onClose: () => void; onDone: (c: CertificateResponse) => void }) {
  const { t } = useTranslation('leader');
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const run = useMutation({
    mutationFn: (c: CertificateResponse) => api.post(`/signatures/certificates/${encodeURIComponent(c.id)}/deactivate`, { reason: reason.trim() }, certificateResponse),
    onSuccess: (c) => {
      setReason('');
      onDone(c);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const short = reason.trim().length < 3;
    setMissing(short);
    if (!short && certificate) run.mutate(certificate);
  };
  const name = certificate?.commonName ?? certificate?.subject ?? '';
  return (
    <Dialog open={certificate !== null} onClose={onClose} title={t('certificates.deactivateTitle', { name })}>
      <form noValidate onSubmit={submit}>
        <p>{t('certificates.deactivateLead')}</p>
        <TextArea
          id="cert-reason"
          label={t('certificates.reason')}
          hint={t('certificates.reasonHint')}
          required
          rows={3}
          value={reason}
          error={missing ? t('certificates.errors.reason') : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {run.isError && (
          <p role="alert" className="field__error">
            {t('certificates.deactivateFailed', { reason: errorText(run.error) })}
          </p>
        )}
        <div className="toolbar">
          <Button type="submit" variant="danger" busy={run.isPending}>
            {t('certificates.deactivate')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('apology.close')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export default function CertificatesPage() {
  const { t, i18n } = useTranslation(['leader', 'common']);
  const errorText = useErrorText();
  const toast = useToast();
  const client = useQueryClient();
  usePageTitle(t('certificates.title'), 'officeName');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [deactivating, setDeactivating] = useState<CertificateResponse | null>(null);
  const list = useQuery({
    queryKey: [...certificatesKey, includeInactive],
    queryFn: () => api.get(`/signatures/certificates${includeInactive ? '?includeInactive=true' : ''}`, certificateListResponse),
  });
  const { tree, all: allAgencies, administered } = useAdministeredAgencies();
  const agencies = useMemo(() => administered.map((a) => ({ id: a.id, label: `${a.name} (${a.code})` })), [administered]);
  const agencyName = (id: string) => allAgencies.find((a) => a.id === id)?.name ?? id;
  const officers = useQuery({ queryKey: ['officers'], queryFn: () => api.get('/officers', officerListResponse) });
  const holderName = (id: string | null) => (id ? (officers.data?.officers.find((o) => o.id === id)?.displayName ?? t('certificates.unknownHolder')) : '');
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short' }).format(new Date(iso));
  const refresh = () => void client.invalidateQueries({ queryKey: certificatesKey });

  const columns: Column<CertificateResponse>[] = [
    { key: 'name', header: t('certificates.columns.name'), cell: (c) => c.commonName ?? c.subject, sortValue: (c) => c.commonName ?? c.subject, isRowHeader: true },
    { key: 'agency', header: t('certificates.columns.agency'), cell: (c) => agencyName(c.agencyId), sortValue: (c) => agencyName(c.agencyId) },
    {
      key: 'purpose',
      header: t('certificates.columns.purpose'),
      cell: (c) => (c.purpose === 'seal' ? t('certificates.purposes.seal') : `${t('certificates.purposes.personal')}: ${holderName(c.holderUserId)}`),
    },
    { key: 'issuer', header: t('certificates.columns.issuer'), cell: (c) => c.issuer },
    {
      key: 'expiry',
      header: t('certificates.columns.expiry'),
      sortValue: (c) => c.notAfter,
      cell: (c) => (
        <>
          <StatusTag tone={c.expiry === 'valid' ? 'success' : c.expiry === 'expiring' ? 'warning' : 'danger'}>{t(`certificates.expiry.${c.expiry}`)}</StatusTag>{' '}
          {t('certificates.until', { date: date(c.notAfter) })}
          {c.expiry !== 'expired' && <> · {t('certificates.daysLeft', { count: c.daysLeft })}</>}
          {c.isDemo && <div className="muted">{t('certificates.demo')}</div>}
        </>
      ),
    },
    {
      key: 'status',
      header: t('certificates.columns.status'),
      cell: (c) =>
        c.isActive ? (
          <Button variant="secondary" aria-label={t('certificates.deactivateNamed', { name: c.commonName ?? c.subject })} onClick={() => setDeactivating(c)}>
            {t('certificates.deactivate')}
          </Button>
        ) : (
          <StatusTag tone="neutral">{t('certificates.inactive')}</StatusTag>
        ),
    },
  ];
  const items = list.data?.items ?? [];
  const attention = items.filter((c) => c.isActive && c.expiry !== 'valid');

  return (
    <div className="page">
      <p className="no-print">
        <Link to="/office/admin">{t('certificates.back')}</Link>
      </p>
      <h1>{t('certificates.title')}</h1>
      <p className="lead">{t('certificates.lead', { days: list.data?.warningDays ?? 30 })}</p>
      {list.isPending && <Spinner label={t('common:loading')} />}
      {list.isError && <p role="alert">{errorText(list.error)}</p>}
      {attention.length > 0 && <p className="notice notice--warning">{t('certificates.attention', { count: attention.length })}</p>}
      <div className="toolbar">
        <Checkbox label={t('certificates.includeInactive')} checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />
      </div>
      {list.data &&
        (items.length === 0 ? (
          <EmptyState title={t('certificates.empty')}>{t('certificates.emptyBody')}</EmptyState>
        ) : (
          <DataTable caption={t('certificates.tableCaption')} columns={columns} rows={items} rowKey={(c) => c.id} />
        ))}
      {tree.isError && <p role="alert">{errorText(tree.error)}</p>}
      {tree.data && (
        <ImportForm
          agencies={agencies}
          onDone={(c) => {
            toast.show(t('certificates.imported', { name: c.commonName ?? c.subject }), 'success');
            refresh();
          }}
        />
      )}
      <DeactivateDialog
        certificate={deactivating}
        onClose={() => setDeactivating(null)}
        onDone={(c) => {
          setDeactivating(null);
          toast.show(t('certificates.deactivated', { name: c.commonName ?? c.subject }), 'success');
          refresh();
        }}
      />
    </div>
  );
}
