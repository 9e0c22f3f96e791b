/**
 * The verdict of the public verification: overall verdict, MotCua's record of these bytes, and per signature the
 * signer, claimed and trusted (RFC 3161 timestamp) times, integrity, trust and revocation of the certificate.
 */
import { useTranslation } from 'react-i18next';
import type { VerificationResponse } from '@motcua/contracts/signatures';
import { StatusTag } from '../ui';

const verdictTone = { valid: 'success', untrusted: 'warning', invalid: 'danger', revoked: 'danger', unsigned: 'info', not_pdf: 'danger' } as const;

export function VerificationResult(props: { result: VerificationResponse; expectedSha256: string | null; when: (value: string | null) => string }) {
  const { t } = useTranslation('verify');
  const { result, expectedSha256, when } = props;
  const verdict = result.verdict === 'not_pdf' ? 'invalid' : result.verdict;
  const differs = expectedSha256 !== null && expectedSha256 !== result.sha256;
  return (
    <section className="card verify-result" aria-labelledby="verify-result-heading">
      <h2 id="verify-result-heading" className={`verify-verdict verify-verdict--${verdict}`}>
        <StatusTag tone={verdictTone[result.verdict]}>{t(`verdict.${verdict}`)}</StatusTag>
      </h2>
      {differs && <p className="notice notice--danger">{t('issued.differs')}</p>}
      <p className={`notice ${result.issued ? 'notice--success' : 'notice--warning'}`}>
        {result.issued ? (result.issued.signedAt ? t('issued.identical') : t('issued.draft')) : t('issued.unknown')}
        {result.issued?.agencyName ? ` — ${result.issued.agencyName}` : ''}
        {result.issued?.dossierCode ? ` (${result.issued.dossierCode})` : ''}
      </p>
      {result.isReplaced && <p className="notice notice--warning">{t('issued.replaced')}</p>}

      {result.signatures.length > 0 && <h3>{t('signatures.heading', { count: result.signatures.length })}</h3>}
      <ol className="verify-signatures">
        {result.signatures.map((signature, index) => (
          <li key={index} className="verify-signature">
            <dl className="facts">
              <div>
                <dt>{t('signatures.signer')}</dt>
                <dd>
                  <strong>{signature.signerName ?? t('signatures.unknownSigner')}</strong>
                </dd>
              </div>
              {signature.organization && (
                <div>
                  <dt>{t('signatures.organization')}</dt>
                  <dd>{signature.organization}</dd>
                </div>
              )}
              <div>
                <dt>{t('signatures.time')}</dt>
                <dd>{when(signature.claimedSigningTime)}</dd>
              </div>
              {signature.timestamp && <TimestampFact timestamp={signature.timestamp} when={when} />}
              {signature.reason && (
                <div>
                  <dt>{t('signatures.reason')}</dt>
                  <dd>{signature.reason}</dd>
                </div>
              )}
              <div>
                <dt>{t('signatures.intact')}</dt>
                <dd>
                  <StatusTag tone={signature.isIntact ? 'success' : 'danger'}>
                    {signature.isIntact ? t('signatures.intactYes') : t('signatures.intactNo')}
                  </StatusTag>
                </dd>
              </div>
              <div>
                <dt>{t('signatures.trust')}</dt>
                <dd>
                  <StatusTag tone={signature.isTrusted ? 'success' : 'warning'}>
                    {signature.isTrusted ? t('signatures.trustYes') : t('signatures.trustNo')}
                  </StatusTag>
                </dd>
              </div>
              <div>
                <dt>{t('signatures.coverage')}</dt>
                <dd>{signature.coversWholeDocument ? t('signatures.coversAll') : t('signatures.coversRevision')}</dd>
              </div>
              {signature.issuer && (
                <div>
                  <dt>{t('signatures.issuer')}</dt>
                  <dd className="verify-hash">{signature.issuer}</dd>
                </div>
              )}
              <div>
                <dt>{t('signatures.validUntil')}</dt>
                <dd>{when(signature.certificateNotAfter)}</dd>
              </div>
              {signature.revocation[0] && <RevocationFact revocation={signature.revocation[0]} when={when} />}
            </dl>
            {signature.problems.length > 0 && (
              <details>
                <summary>{t('details')}</summary>
                <ul>
                  {signature.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ol>
      <p className="field__hint">
        {t('sha256')}: <span className="verify-hash">{result.sha256}</span>
      </p>
    </section>
  );
}

type SignatureView = VerificationResponse['signatures'][number];

/** The trusted time of a PAdES B-T signature (RFC 3161 token), or why it cannot be relied on. */
function TimestampFact(props: { timestamp: NonNullable<SignatureView['timestamp']>; when: (value: string | null) => string }) {
  const { t } = useTranslation('verify');
  const { timestamp, when } = props;
  return (
    <div className="verify-timestamp">
      <dt>{t('signatures.timestamp')}</dt>
      <dd>
        {timestamp.valid ? (
          <>
            <strong>{when(timestamp.time)}</strong>
            {timestamp.tsa ? ` — ${t('signatures.timestampBy', { tsa: timestamp.tsa })}` : ''}
          </>
        ) : (
          <StatusTag tone={timestamp.isIntact ? 'warning' : 'danger'}>
            {timestamp.isIntact ? t('signatures.timestampUntrusted') : t('signatures.timestampInvalid')}
          </StatusTag>
        )}
      </dd>
    </div>
  );
}

/** Revocation (CRL) of the signer's certificate: not revoked, revoked on a date (with the reason), or unknown. */
function RevocationFact(props: { revocation: SignatureView['revocation'][number]; when: (value: string | null) => string }) {
  const { t } = useTranslation('verify');
  const { revocation, when } = props;
  const tone = revocation.status === 'good' ? 'success' : revocation.status === 'revoked' ? 'danger' : 'info';
  return (
    <div>
      <dt>{t('signatures.revocation')}</dt>
      <dd>
        <StatusTag tone={tone}>
          {revocation.status === 'good'
            ? t('signatures.revocationGood')
            : revocation.status === 'revoked'
              ? t('signatures.revocationRevoked', { date: when(revocation.revokedAt) })
              : t('signatures.revocationUnknown')}
        </StatusTag>
        {revocation.status === 'revoked' && revocation.reason ? ` (${t('signatures.revocationReason', { reason: t(`signatures.revocationReasons.${revocation.reason}`, { defaultValue: revocation.reason }) })})` : ''}
      </dd>
    </div>
  );
}
