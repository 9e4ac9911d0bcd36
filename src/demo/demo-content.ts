/**
 * The fixed texts of the demo product "Checkout": vision, objectives, themes and team.
 * The roadmap is in demo-roadmap.ts, the backlog in demo-stories.ts and demo-work.ts.
 */
export const DEMO_PRODUCT = {
  key: 'CHK',
  name: 'Checkout',
  description:
    'Every shopper who reaches the basket should be able to pay in under a minute, on any device, in their ' +
    'own language and currency, with the payment method they trust. We make checkout fast, reliable and ' +
    'local: fewer steps, fewer failed payments, and a flow that earns trust in every market we sell in.',
};

export const DEMO_OWNER = { email: 'demo@cairn.local', name: 'Dana Demo' };

export type ObjectiveRef = 'conversion' | 'failures' | 'eu';
export type ThemeRef = 'frictionless' | 'reliability' | 'local' | 'trust';

export const DEMO_OBJECTIVES: { ref: ObjectiveRef; title: string; description: string }[] = [
  {
    ref: 'conversion',
    title: 'Grow checkout conversion to 4%',
    description:
      'From 3.1% today: sessions that reach the basket and end in a paid order. Measured weekly on the ' +
      'conversion dashboard, split by device.',
  },
  {
    ref: 'failures',
    title: 'Cut payment failures in half',
    description:
      'Declines, timeouts and abandoned 3-D Secure challenges: from 7.8% of payment attempts to under 3.9% ' +
      'by the end of the year.',
  },
  {
    ref: 'eu',
    title: 'Expand to EU markets',
    description:
      'Sell in Germany, the Netherlands and Belgium with local payment methods, local currency display and ' +
      'VAT-correct invoices.',
  },
];

export const DEMO_THEMES: { ref: ThemeRef; name: string; color: string; description: string }[] = [
  {
    ref: 'frictionless',
    name: 'Frictionless checkout',
    color: '#2563eb',
    description: 'Fewer steps, fewer fields, no account walls.',
  },
  {
    ref: 'reliability',
    name: 'Payment reliability',
    color: '#dc2626',
    description: 'Payments that go through: retries, provider failover, fewer timeouts.',
  },
  {
    ref: 'local',
    name: 'Local payments & markets',
    color: '#16a34a',
    description: 'The methods, currencies and languages each market expects.',
  },
  {
    ref: 'trust',
    name: 'Trust & compliance',
    color: '#9333ea',
    description: 'Strong customer authentication, legal terms, invoices and accessibility done right.',
  },
];

/** The demo team besides the owner. Editors pick up work; the viewer only reads. */
export const DEMO_TEAM: { email: string; name: string; role: 'editor' | 'viewer' }[] = [
  { email: 'priya@cairn.local', name: 'Priya Natarajan', role: 'editor' },
  { email: 'tom@cairn.local', name: 'Tom Becker', role: 'editor' },
  { email: 'lea@cairn.local', name: 'Léa Martin', role: 'editor' },
  { email: 'sam@cairn.local', name: 'Sam Okafor', role: 'viewer' },
];
