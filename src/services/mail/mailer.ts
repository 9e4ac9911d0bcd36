/**
 * E-mail, optional and off by default: with CAIRN_SMTP_URL set, notifications of mentions are also sent
 * by SMTP (nodemailer). Background work behind a small interface: tests and other transports may pass
 * their own.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface SmtpSettings {
  /** smtp://user:pass@host:587 or smtps://…; credentials URL-encoded. */
  url: string;
  /** The From address, such as "Cairn <cairn@example.com>". */
  from: string;
}

/** Gives up on a server that does not answer within this time (a stuck relay must not pile up sends). */
const SMTP_TIMEOUT_MS = 10_000;

/** A mailer that sends through the SMTP server at `settings.url`. */
export function createSmtpMailer(settings: SmtpSettings): Mailer {
  const options: SMTPTransport.Options = {
    url: settings.url,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  };
  const transport = nodemailer.createTransport(options);
  return {
    async send(message) {
      await transport.sendMail({ from: settings.from, ...message });
    },
  };
}
