/**
 * Webhook signatures: `X-Cairn-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` under the
 * webhook's secret, with the timestamp (Unix seconds) in `X-Cairn-Timestamp`. Signing the timestamp lets a
 * receiver refuse replays of an old delivery.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The X-Cairn-Signature value for `body` sent at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Whether a signature is the one `secret` makes (constant time): what a receiver runs. */
export function verifyWebhook(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The headers of one delivery attempt. */
export function deliveryHeaders(options: {
  secret: string;
  deliveryId: string;
  eventType: string;
  body: string;
  now: Date;
}): Record<string, string> {
  const timestamp = Math.floor(options.now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Cairn-Webhooks/1',
    'x-cairn-event': options.eventType,
    'x-cairn-delivery': options.deliveryId,
    'x-cairn-timestamp': String(timestamp),
    'x-cairn-signature': signWebhook(options.secret, timestamp, options.body),
  };
}
