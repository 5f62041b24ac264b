import nodemailer from 'nodemailer';

/** One message on its way out. */
export type OutgoingMessage = {
  to: string;
  toName: string | null;
  subject: string;
  body: string;
  fromName: string;
};

/**
 * Something that delivers messages of one channel. Email ships (SMTP through nodemailer); an SMS provider
 * plugs in the same way (a `MessageSender` with channel 'sms') and none ships: SMS messages wait as held.
 */
export type MessageSender = { channel: 'email' | 'sms'; send: (message: OutgoingMessage) => Promise<void> };

/** Email through the SMTP server in SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS). */
export function smtpSender(options: { url: string; fromAddress: string }): MessageSender {
  const transport = nodemailer.createTransport(options.url);
  return {
    channel: 'email',
    async send(message) {
      await transport.sendMail({
        from: { name: message.fromName, address: options.fromAddress },
        to: message.toName ? { name: message.toName, address: message.to } : message.to,
        subject: message.subject,
        text: message.body,
      });
    },
  };
}
