/**
 * How the dossier reached the desk: at the counter, or by the public postal service (NĐ 61 Art. 15(1)(b)): then
 * the hand-over minutes (biên bản giao nhận) with the post — when they were signed (the reception instant: the
 * clock starts from it), their number — and the postal operator's waybill number (số vận đơn / mã bưu gửi).
 */
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui';
import { fromVietnamInput, toVietnamInput } from '../leader/office-time';

export type ReceptionChannel = 'counter' | 'postal';

export interface PostalReception {
  /** datetime-local value in Vietnam time. */
  signedAt: string;
  minutesNumber: string;
  waybill: string;
}

export const emptyPostalReception = (): PostalReception => ({ signedAt: toVietnamInput(new Date().toISOString()), minutesNumber: '', waybill: '' });

/** The `postal` part of the reception request, for the channel and the return method chosen. */
export function postalBody(channel: ReceptionChannel, postal: PostalReception, returnByPost: boolean, deliveryAddress: string) {
  if (channel !== 'postal' && !returnByPost) return null;
  const received = channel === 'postal';
  return {
    handoverMinutesSignedAt: received ? fromVietnamInput(postal.signedAt) : null,
    handoverMinutesNumber: received && postal.minutesNumber.trim() ? postal.minutesNumber.trim() : null,
    submissionWaybills: received && postal.waybill.trim() ? [postal.waybill.trim()] : [],
    returnByPost,
    deliveryAddress: returnByPost ? deliveryAddress.trim() : null,
  };
}

export const postalFieldIds = {
  'postal.handoverMinutesSignedAt': 'postal-signed-at',
  'postal.handoverMinutesNumber': 'postal-minutes-number',
  'postal.submissionWaybills': 'postal-waybill',
} as const;

export function ReceptionChannelFields({
  channel,
  postal,
  onChannel,
  onPostal,
  errors,
}: {
  channel: ReceptionChannel;
  postal: PostalReception;
  onChannel: (c: ReceptionChannel) => void;
  onPostal: (p: PostalReception) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation('desk');
  return (
    <fieldset className="reception__section">
      <legend>{t('reception.channel.legend')}</legend>
      <div className="reception__choices">
        {(['counter', 'postal'] as const).map((c) => (
          <label key={c} className="reception__choice">
            <input type="radio" name="reception-channel" value={c} checked={channel === c} onChange={() => onChannel(c)} />
            <span>{t(`reception.channel.${c}`)}</span>
          </label>
        ))}
      </div>
      {channel === 'postal' && (
        <>
          <p className="hint-text">{t('reception.channel.postalHint')}</p>
          <TextField
            id={postalFieldIds['postal.handoverMinutesSignedAt']}
            label={t('reception.channel.signedAt')}
            type="datetime-local"
            required
            value={postal.signedAt}
            error={errors['postal.handoverMinutesSignedAt']}
            onChange={(e) => onPostal({ ...postal, signedAt: e.target.value })}
          />
          <TextField
            id={postalFieldIds['postal.handoverMinutesNumber']}
            label={t('reception.channel.minutesNumber')}
            value={postal.minutesNumber}
            maxLength={100}
            error={errors['postal.handoverMinutesNumber']}
            onChange={(e) => onPostal({ ...postal, minutesNumber: e.target.value })}
          />
          <TextField
            id={postalFieldIds['postal.submissionWaybills']}
            label={t('reception.channel.waybill')}
            value={postal.waybill}
            maxLength={50}
            error={errors['postal.submissionWaybills']}
            onChange={(e) => onPostal({ ...postal, waybill: e.target.value })}
          />
        </>
      )}
    </fieldset>
  );
}
