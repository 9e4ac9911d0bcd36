/**
 * The roadmap of the demo product "Checkout". Days are counted from today (negative = in the past); the
 * history planner turns them into timestamps and dates.
 */
import type { ObjectiveRef, ThemeRef } from './demo-content.ts';
import type { Confidence, Horizon, InitiativeStatus, Visibility } from './demo-types.ts';

export interface DemoInitiative {
  ref: string;
  title: string;
  summary: string;
  theme: ThemeRef;
  objectives: ObjectiveRef[];
  horizon: Horizon;
  confidence: Confidence;
  /** The status today; the history moves it there (proposed → active → done). */
  status: InitiativeStatus;
  visibility: Visibility;
  publicSummary: string;
  successMetrics: string[];
  /** The day the initiative was put on the roadmap. */
  createdDay: number;
  /** When the team works on it: also its start and target dates unless `undated`. */
  work: [number, number];
  undated?: boolean;
  /** Labels its items draw from. */
  labels: string[];
  /** It was promoted from a later horizon / lower confidence on this day. */
  promoted?: { day: number; from: { horizon: Horizon; confidence: Confidence } };
}

const initiative = (
  fields: Omit<DemoInitiative, 'visibility' | 'publicSummary'> & { publicSummary?: string },
) => ({
  ...fields,
  visibility: fields.publicSummary ? ('public' as const) : ('internal' as const),
  publicSummary: fields.publicSummary ?? '',
});

export const DEMO_INITIATIVES: DemoInitiative[] = [
  initiative({
    ref: 'guest',
    title: 'Guest checkout',
    summary:
      'Remove the account wall: a shopper can pay with an email address only and create an account afterwards.',
    theme: 'frictionless',
    objectives: ['conversion'],
    horizon: 'now',
    confidence: 'committed',
    status: 'done',
    publicSummary: 'Buy without creating an account — and save your details after the order if you like.',
    successMetrics: ['Drop-off at the account step below 5%', 'Guest orders at least 30% of all orders'],
    createdDay: -118,
    work: [-112, -52],
    labels: ['web', 'accounts', 'frontend'],
  }),
  initiative({
    ref: 'address',
    title: 'Address autocomplete',
    summary:
      'Suggest verified addresses as the shopper types, so fewer parcels come back and forms take less time.',
    theme: 'frictionless',
    objectives: ['conversion'],
    horizon: 'now',
    confidence: 'committed',
    status: 'done',
    publicSummary: '',
    successMetrics: ['Address form errors down 40%', 'Returned parcels for bad addresses down 25%'],
    createdDay: -110,
    work: [-100, -40],
    labels: ['web', 'forms', 'frontend'],
  }),
  initiative({
    ref: 'one-page',
    title: 'One-page checkout',
    summary:
      'Replace the four-step wizard with one page: delivery, shipping option and payment, each section ' +
      'collapsing once complete. Rolled out behind a flag, 10% → 50% → 100%.',
    theme: 'frictionless',
    objectives: ['conversion'],
    horizon: 'now',
    confidence: 'committed',
    status: 'active',
    publicSummary: 'Delivery, shipping and payment on a single page: fewer clicks from basket to order.',
    successMetrics: ['Checkout completion from 58% to 66%', 'Median time from basket to paid under 60 s'],
    createdDay: -95,
    work: [-72, 30],
    labels: ['web', 'frontend', 'mobile'],
  }),
  initiative({
    ref: 'wallets',
    title: 'Apple Pay and Google Pay',
    summary: 'Offer the device wallets as express payment on the basket and payment step.',
    theme: 'frictionless',
    objectives: ['conversion', 'failures'],
    horizon: 'now',
    confidence: 'committed',
    status: 'active',
    publicSummary: 'Pay in one tap with Apple Pay or Google Pay.',
    successMetrics: ['15% of mobile orders paid with a wallet', 'Wallet payment success rate above 97%'],
    createdDay: -82,
    work: [-56, 21],
    labels: ['payments', 'wallets', 'mobile'],
  }),
  initiative({
    ref: 'retries',
    title: 'Smart payment retries',
    summary:
      'Retry soft declines and timeouts automatically, with rules agreed with the risk team, and tell the ' +
      'shopper what to do when a retry cannot help.',
    theme: 'reliability',
    objectives: ['failures'],
    horizon: 'now',
    confidence: 'planned',
    status: 'active',
    successMetrics: ['Recover 25% of soft declines', 'No increase in chargeback rate'],
    createdDay: -66,
    work: [-44, 40],
    labels: ['payments', 'backend'],
  }),
  initiative({
    ref: 'sca',
    title: '3-D Secure 2 frictionless flow',
    summary:
      'Move to 3DS2 with full device data so more payments pass without a challenge, and use the ' +
      'exemptions our acquirer supports (low value, transaction risk analysis).',
    theme: 'trust',
    objectives: ['failures', 'eu'],
    horizon: 'now',
    confidence: 'committed',
    status: 'active',
    publicSummary: 'Fewer bank verification pop-ups — and a smoother one when your bank does ask.',
    successMetrics: ['Challenge rate below 20%', '3DS abandonment down from 11% to 5%'],
    createdDay: -60,
    work: [-32, 35],
    labels: ['payments', 'sca', 'backend'],
  }),
  initiative({
    ref: 'germany',
    title: 'EU launch: Germany',
    summary:
      'German checkout with German copy, Klarna and SEPA Direct Debit, German T&Cs and a launch plan ' +
      'with the marketing team.',
    theme: 'local',
    objectives: ['eu'],
    horizon: 'next',
    confidence: 'committed',
    status: 'proposed',
    publicSummary: 'Checkout in German, with Klarna and SEPA Direct Debit.',
    successMetrics: [
      'German conversion within 10% of the home market after 8 weeks',
      '2,000 orders in month one',
    ],
    createdDay: -50,
    work: [8, 70],
    labels: ['de', 'i18n', 'payments'],
  }),
  initiative({
    ref: 'vat',
    title: 'VAT-correct invoices for the EU',
    summary:
      'Invoices with the right VAT rate, number series and wording per country, archived for ten years.',
    theme: 'trust',
    objectives: ['eu'],
    horizon: 'next',
    confidence: 'planned',
    status: 'proposed',
    successMetrics: ['Zero invoice corrections requested by finance per month'],
    createdDay: -42,
    work: [20, 80],
    labels: ['invoices', 'backend', 'finance'],
  }),
  initiative({
    ref: 'failover',
    title: 'Payment provider failover',
    summary:
      'Route card payments to a second provider when the first one degrades, without the shopper noticing.',
    theme: 'reliability',
    objectives: ['failures'],
    horizon: 'next',
    confidence: 'planned',
    status: 'proposed',
    successMetrics: ['No checkout outage longer than 5 minutes due to a provider', 'Failover within 60 s'],
    createdDay: -36,
    work: [25, 85],
    labels: ['payments', 'backend', 'infra'],
  }),
  initiative({
    ref: 'currency',
    title: 'Multi-currency prices',
    summary: 'Show and charge prices in EUR for EU shoppers, with rounding rules per market.',
    theme: 'local',
    objectives: ['eu', 'conversion'],
    horizon: 'next',
    confidence: 'planned',
    status: 'proposed',
    successMetrics: ['No FX surprises: zero support tickets about charged amounts'],
    createdDay: -46,
    work: [30, 95],
    labels: ['pricing', 'backend', 'i18n'],
    promoted: { day: -20, from: { horizon: 'later', confidence: 'exploratory' } },
  }),
  initiative({
    ref: 'benelux',
    title: 'iDEAL and Bancontact',
    summary: 'The payment methods Dutch and Belgian shoppers expect, ahead of a Benelux launch.',
    theme: 'local',
    objectives: ['eu'],
    horizon: 'later',
    confidence: 'exploratory',
    status: 'proposed',
    publicSummary: 'Pay with iDEAL in the Netherlands and Bancontact in Belgium.',
    successMetrics: ['iDEAL share of Dutch orders above 50%'],
    createdDay: -26,
    work: [95, 150],
    labels: ['payments', 'nl', 'be'],
  }),
  initiative({
    ref: 'saved-cards',
    title: 'Saved cards and one-click reorder',
    summary:
      'Let signed-in shoppers store a card with the provider (tokenised) and reorder a past basket in one click.',
    theme: 'frictionless',
    objectives: ['conversion'],
    horizon: 'later',
    confidence: 'exploratory',
    status: 'proposed',
    successMetrics: ['Repeat purchase rate up 10%'],
    createdDay: -16,
    work: [120, 180],
    undated: true,
    labels: ['accounts', 'payments', 'frontend'],
  }),
  initiative({
    ref: 'a11y',
    title: 'Accessible checkout (WCAG 2.2 AA)',
    summary:
      'Audit and fix the checkout for keyboard, screen reader and zoom users before the EU accessibility act applies.',
    theme: 'trust',
    objectives: ['conversion', 'eu'],
    horizon: 'later',
    confidence: 'exploratory',
    status: 'proposed',
    publicSummary: 'A checkout that works with a keyboard, a screen reader and at 200% zoom.',
    successMetrics: ['No open WCAG 2.2 AA failures in the external audit'],
    createdDay: -30,
    work: [100, 160],
    labels: ['a11y', 'frontend'],
  }),
];
