/**
 * The e-mail that tells a member they were mentioned. Sent after the comment's transaction commits, one
 * at a time in the background; a failure is logged and never fails (or slows) the comment.
 */
import type { Mailer } from './mailer.ts';

/** Characters of the comment quoted in the mail. */
const EXCERPT_CHARS = 500;

export interface MentionMail {
  recipients: readonly { email: string; name: string }[];
  actorName: string;
  /** "CAI-42 Fix login", an initiative's title. */
  label: string;
  /** The absolute address of the object in the web app. */
  link: string;
  body: string;
}

/** Where an object is in the web app (src/web/routes.ts `paths`), below `origin`. */
export function webLink(
  origin: string,
  target: { entityType: 'item' | 'initiative' | 'prd'; entityId: string; itemKey: string | null },
  productKey: string,
): string {
  if (target.itemKey !== null) return `${origin}/${target.itemKey}`;
  const section = target.entityType === 'initiative' ? 'initiatives' : 'prds';
  return `${origin}/p/${productKey}/${section}/${target.entityId}`;
}

/** Starts sending; resolves when every mail was tried (tests may await it, the comment never does). */
export async function sendMentionMails(
  mailer: Mailer,
  mail: MentionMail,
  log: (message: string) => void,
): Promise<void> {
  const excerpt = mail.body.length > EXCERPT_CHARS ? `${mail.body.slice(0, EXCERPT_CHARS)}…` : mail.body;
  // Header-safe: a name or title with a line break must not start a new header.
  const subject = `${mail.actorName} mentioned you on ${mail.label}`.replace(/[\r\n]+/g, ' ').slice(0, 200);
  for (const recipient of mail.recipients) {
    try {
      await mailer.send({
        to: recipient.email,
        subject,
        text: `${mail.actorName} mentioned you on ${mail.label}:\n\n${excerpt}\n\n${mail.link}\n`,
      });
    } catch (error) {
      log(`mail: sending a mention to ${recipient.email} failed: ${(error as Error).message}`);
    }
  }
}
