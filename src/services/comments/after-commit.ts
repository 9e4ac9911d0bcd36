/** What follows a comment's commit: e-mail to the members it mentions, when SMTP is configured. */
import type { Db } from '../../store/database.ts';
import type { Mailer } from '../mail/mailer.ts';
import { sendMentionMails, webLink } from '../mail/mention-mails.ts';
import type { CommentTarget } from './comment-target.ts';
import type { Recipient } from './notify.ts';

/** How a transport lets comments send e-mail; absent: no e-mail (the default). */
export interface CommentMail {
  mailer: Mailer;
  /** Where people reach Cairn: the base of links in mails. */
  origin: string;
  log: (message: string) => void;
  /** Called with the sending under way (tests wait for it); the comment never waits. */
  onSending?: (sending: Promise<void>) => void;
}

/** Starts the mails of `mentioned` in the background; call it after the transaction committed. */
export async function mailMentions(
  db: Db,
  mail: CommentMail | undefined,
  sent: { mentioned: readonly Recipient[]; actorId: string; target: CommentTarget; body: string },
): Promise<void> {
  if (!mail || sent.mentioned.length === 0) return;
  try {
    const [actor, product] = await Promise.all([
      db.selectFrom('users').select('name').where('id', '=', sent.actorId).executeTakeFirst(),
      db.selectFrom('products').select('key').where('id', '=', sent.target.productId).executeTakeFirst(),
    ]);
    const sending = sendMentionMails(
      mail.mailer,
      {
        recipients: sent.mentioned,
        actorName: actor?.name ?? 'Someone',
        label: sent.target.label,
        link: webLink(mail.origin, sent.target, product?.key ?? ''),
        body: sent.body,
      },
      mail.log,
    );
    mail.onSending?.(sending);
    // sendMentionMails logs each failure itself; nothing is left to reject.
    sending.catch(() => {});
  } catch (error) {
    mail.log(`mail: preparing mention mails failed: ${(error as Error).message}`);
  }
}
