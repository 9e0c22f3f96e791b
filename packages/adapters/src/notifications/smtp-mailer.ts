/** E-mail over SMTP (nodemailer). Off unless configured; the Message-ID carries our message id. */
import nodemailer from 'nodemailer';
import type { EmailMessage, Mailer } from '@motcua/core/notifications';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:port or smtps://… */
  readonly url: string;
  /** "Trung tâm Phục vụ hành chính công <noreply@example.gov.vn>" */
  readonly from: string;
  /** Domain part of generated Message-IDs. */
  readonly messageIdDomain: string;
  /** Plain SMTP without STARTTLS (local test servers only). */
  readonly ignoreTls?: boolean;
}

export function createSmtpMailer(options: SmtpMailerOptions): Mailer & { close(): void } {
  const url = new URL(options.url);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    ...(options.ignoreTls ? { ignoreTLS: true } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message: EmailMessage) {
      const info = await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject.normalize('NFC'),
        text: message.text.normalize('NFC'),
        ...(message.html ? { html: message.html.normalize('NFC') } : {}),
        messageId: `<${message.messageId}@${options.messageIdDomain}>`,
        attachments: message.attachments?.map((a) => ({
          filename: a.filename,
          content: Buffer.from(a.content),
          contentType: a.contentType,
        })),
      });
      return { accepted: info.accepted.length > 0 && info.rejected.length === 0, response: String(info.response) };
    },
    close: () => transport.close(),
  };
}
