/** Outgoing notices to applicants and officers. Adapters speak SMTP, SMS gateways, Zalo. */
export interface EmailMessage {
  /** Our id for this message: becomes the Message-ID, so a retried delivery can be recognised downstream. */
  readonly messageId: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly attachments?: readonly { filename: string; content: Uint8Array; contentType: string }[];
}

export interface Mailer {
  /** Resolves when the SMTP server accepted the message; rejects on refusal or outage (the job retries). */
  send(message: EmailMessage): Promise<{ accepted: boolean; response: string }>;
}

export interface SmsMessage {
  readonly messageId: string;
  /** Normalised to 84 + 9 digits by the adapter. */
  readonly to: string;
  readonly text: string;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<{ providerMessageId: string }>;
}
