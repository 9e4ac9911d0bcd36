/**
 * The rest of the demo backlog: task templates combined with each initiative's subject, bugs, orphan
 * work, generic acceptance criteria, and the dependencies written by hand (business ones and external).
 */

/** Templates for the delivery tasks every initiative needs; `{}` is the initiative's subject. */
export const TASK_TEMPLATES = [
  'Funnel analytics events for {}',
  'Feature flag and staged rollout for {}',
  'Dashboards and alerts for {}',
  'End-to-end tests for {}',
  'Load test {} at three times peak traffic',
  'Support playbook for {}',
  'Security review of {}',
];

/** What the task templates call each initiative's work. */
export const TASK_SUBJECTS: Record<string, string> = {
  guest: 'guest checkout',
  address: 'address autocomplete',
  'one-page': 'the one-page checkout',
  wallets: 'wallet payments',
  retries: 'payment retries',
  sca: '3-D Secure 2',
  germany: 'the German checkout',
  vat: 'EU invoicing',
  failover: 'provider failover',
  currency: 'multi-currency prices',
  benelux: 'iDEAL and Bancontact',
  'saved-cards': 'saved cards',
  a11y: 'the accessibility fixes',
};

/** Where bugs show up; `{platform}` in a bug title is filled from this list. */
export const PLATFORMS = [
  'iOS Safari',
  'Android Chrome',
  'Firefox',
  'Samsung Internet',
  'Safari on macOS',
  'the iOS app webview',
];

/** Bugs found while an initiative was being built (initiative ref → titles). */
export const INITIATIVE_BUGS: Record<string, string[]> = {
  guest: [
    'Guest email field rejects addresses with a plus sign',
    'Guest confirmation email sent twice on {platform}',
  ],
  address: [
    'Address suggestions cover the continue button on {platform}',
    "House numbers like '12a' are dropped from suggestions",
    'Postcode lookup fails for addresses on the Wadden islands',
  ],
  'one-page': [
    'Order total not updated after changing the shipping option on {platform}',
    'Completed sections reopen after a page reload on {platform}',
    'Sticky pay button hides the cookie banner on {platform}',
    'Promo code error shown in English on the German preview',
    'Checkout page loads 1.2 MB of unused JavaScript',
  ],
  wallets: [
    'Apple Pay sheet closes without an error on {platform}',
    'Google Pay button flickers while the basket loads on {platform}',
    'Wallet orders miss the billing name in the daily export',
  ],
  retries: [
    'Retried payment shows as two pending charges in the bank app',
    'Decline message shows a raw provider code on {platform}',
    'Spinner never stops after a network error on {platform}',
  ],
  sca: [
    'Bank challenge overlay cannot be scrolled on {platform}',
    "Timed-out challenge leaves the order 'pending' for an hour",
  ],
};

/** Bugs with no initiative behind them. */
export const ORPHAN_BUGS = [
  'Basket badge shows the wrong count after removing an item on {platform}',
  'Session expires during checkout after 15 minutes of inactivity',
  "Duplicate 'purchase' events in analytics",
  'Prices jump while the web font loads on {platform}',
  'Order confirmation page is indexed by search engines',
];

/** Tasks and a spike with no initiative behind them: upkeep, tech debt, one idea that went nowhere. */
export const ORPHAN_WORK = [
  'task: Upgrade the payment provider SDK to v5 | No deprecated calls left',
  'task: Rotate the webhook signing secrets',
  'task: Remove dead A/B test code from the basket page',
  'task: Upgrade the checkout service to Node 20',
  'task: Speed up the checkout CI pipeline (18 minutes today)',
  'task: Document how payment webhooks are retried',
  'spike: Could we build our own fraud scoring? | Cost and accuracy compared with the provider',
];

/** Items given up along the way (title → days after being written); they end as wont_do. */
export const DROPPED: Record<string, number> = {
  'Gift message on the order': 12,
  'Could we build our own fraud scoring?': 15,
  'Postcode lookup fails for addresses on the Wadden islands': 6,
};

/** Items nobody picks up (they stay in the backlog). */
export const PARKED = new Set([
  'Loyalty points on the confirmation page',
  'Order confirmation page is indexed by search engines',
  'Document how payment webhooks are retried',
  'Upgrade the checkout service to Node 20',
]);

/** Generic criteria added to some stories (at most up to four criteria in all). */
export const STORY_CRITERIA = [
  'Tracked as a step in the checkout funnel dashboard',
  'Works on the latest two versions of Safari, Chrome, Firefox and Edge',
  'Copy reviewed by the content designer',
  'Usable with the keyboard and announced correctly by VoiceOver',
  'Covered by an end-to-end test on a phone-sized screen',
  'Behind a feature flag until the rollout',
];

export const TASK_CRITERIA = [
  'Runbook updated',
  'Reviewed by a second engineer',
  'Alerts routed to the payments on-call',
];

export const BUG_CRITERIA = ['A regression test covers the case', 'Checked on the reported platform'];

/** Hand-written dependencies between named items (blocker → blocked); the rest are generated. */
export const BUSINESS_DEPENDENCIES = [
  { blocker: 'retry-rules', blocked: 'retry-soft', note: 'Risk must agree which declines we may retry.' },
  {
    blocker: 'wallet-domain',
    blocked: 'apple-pay',
    note: 'Apple verifies the domain before the button can go live.',
  },
  { blocker: 'de-terms', blocked: 'de-launch', note: 'Legal signs off the German terms before launch.' },
  { blocker: 'vat-invoice-de', blocked: 'de-launch', note: 'No German sales without compliant invoices.' },
  {
    blocker: 'sca-device-data',
    blocked: 'sca-exemptions',
    note: 'The acquirer needs full device data first.',
  },
];

/** External business dependencies: `met` is the day (from today) it was met, if it was. */
export const EXTERNAL_DEPENDENCIES: {
  item: string;
  title: string;
  owner: string;
  expectedDay: number | null;
  met?: number;
  note: string;
}[] = [
  {
    item: 'wallet-domain',
    title: 'Apple Pay merchant domain verification',
    owner: 'Apple / web platform team',
    expectedDay: -40,
    met: -44,
    note: 'Verification file served from /.well-known on every shop domain.',
  },
  {
    item: 'psp-sandbox',
    title: 'PSP partner sandbox access',
    owner: 'Partnerships (Jonas)',
    expectedDay: -14,
    met: -9,
    note: 'Credentials arrive by encrypted mail.',
  },
  {
    item: 'de-terms',
    title: 'Legal approval of the new T&Cs',
    owner: 'Legal (Marta Jansen)',
    expectedDay: 12,
    note: 'Draft sent to external counsel.',
  },
  {
    item: 'vat-invoice-de',
    title: 'Tax advisor sign-off on the German invoice layout',
    owner: 'Finance',
    expectedDay: 35,
    note: '',
  },
  {
    item: 'sca-exemptions',
    title: 'Acquirer enables low-value exemptions on our merchant account',
    owner: 'Acquiring bank relationship manager',
    expectedDay: -5,
    note: 'Chased twice; promised for last week.',
  },
  {
    item: 'de-klarna',
    title: 'Klarna merchant contract signed',
    owner: 'Partnerships (Jonas)',
    expectedDay: null,
    met: -6,
    note: 'Signed by both parties.',
  },
];
