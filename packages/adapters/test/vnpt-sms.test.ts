import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVnptSmsSender, normaliseVietnamesePhone, SmsRejectedError, unaccented } from '@motcua/adapters/notifications';
import { startVnptSmsSimulator, type VnptSmsSimulator } from '../../simulators/sms-vnpt/src/index';

describe('VNPT SMS brandname adapter against the protocol simulator', () => {
  let gateway: VnptSmsSimulator;
  const options = () => ({
    url: gateway.url,
    apiUser: 'motcua',
    apiPassword: 'secret',
    labelId: 'MOTCUA',
    contractId: 'HD-01',
    templateId: '1001',
  });

  beforeAll(async () => {
    gateway = await startVnptSmsSimulator();
  });
  afterAll(() => gateway.close());

  it('normalises Vietnamese mobile numbers and strips diacritics for GSM text', () => {
    expect(normaliseVietnamesePhone('0912 345 678')).toBe('84912345678');
    expect(normaliseVietnamesePhone('+84912345678')).toBe('84912345678');
    expect(normaliseVietnamesePhone('12345')).toBeNull();
    expect(unaccented('Hồ sơ đã được tiếp nhận, ĐÚNG hạn')).toBe('Ho so da duoc tiep nhan, DUNG han');
  });

  it('sends send_sms_list with our message id as REQID and the text as the template parameter', async () => {
    const sender = createVnptSmsSender(options());
    const sent = await sender.send({ messageId: 'msg-1', to: '0912345678', text: 'Hồ sơ 000.00.07.H57-260302-0001 đã được tiếp nhận' });
    expect(sent.providerMessageId).toBe('msg-1');
    const [received] = gateway.messagesTo('84912345678');
    expect(received).toMatchObject({ requestId: 'msg-1', templateId: '1001', text: 'Ho so 000.00.07.H57-260302-0001 da duoc tiep nhan' });
  });

  it('fails permanently on a rejection and transiently on an outage', async () => {
    const wrongPassword = createVnptSmsSender({ ...options(), apiPassword: 'nope' });
    await expect(wrongPassword.send({ messageId: 'm2', to: '0912345678', text: 'x' })).rejects.toBeInstanceOf(SmsRejectedError);
    await expect(createVnptSmsSender(options()).send({ messageId: 'm3', to: '123', text: 'x' })).rejects.toMatchObject({ permanent: true });
    gateway.failNext(1, 'http-503');
    const outage = createVnptSmsSender(options()).send({ messageId: 'm4', to: '0912345678', text: 'x' });
    await expect(outage).rejects.toThrow('HTTP 503');
    await expect(outage).rejects.not.toBeInstanceOf(SmsRejectedError);
  });
});
