/**
 * The stories (and the odd task or spike) of each demo initiative, in the order the team works on them.
 * Written from the shopper's side; the item builder adds estimates, labels and a few generic criteria.
 * One line per item: `[ref] type: title | as a | I want | so that | criterion | …` — a story has no
 * `type:` prefix and carries the three story parts; other types go straight to their criteria. The
 * optional `[ref]` names the item for dependencies.
 */

export const DEMO_STORIES: Record<string, string[]> = {
  guest: [
    "Continue as guest on the sign-in step | first-time shopper | to check out with just my email address | I do not have to create an account to buy once | 'Continue as guest' is the first option on the sign-in step | Only the email address is required before the delivery step",
    'Order confirmation email for guest orders | guest shopper | a confirmation email with my order and a tracking link | I know my order went through | The email is sent within a minute of payment | The tracking link works without signing in',
    'Create an account after a guest order | guest shopper | to turn my order into an account by choosing a password | my next purchase is faster | Offered on the confirmation page only | The guest order appears in the new account',
    'Look up a guest order by email and order number | guest shopper | to find my order with my email and order number | I can check its status without an account | A wrong combination shows one generic error | Lookups are rate-limited per IP address',
    'task: Merge guest orders into an existing account with the same email | Runs nightly | Every merge is logged for customer service',
    'Guest orders in the support tool | customer service agent | to find guest orders by email address | I can help guests as quickly as account holders | Search matches the email case-insensitively',
    'Remember the guest email on this device | returning guest | my email address filled in on my next visit | I get through checkout faster | Stored only after the shopper ticks "remember me"',
  ],
  address: [
    'spike: Compare address lookup providers | Cost per 1,000 lookups | Coverage for Germany, the Netherlands and Belgium',
    'Suggest addresses as I type | shopper on a phone | address suggestions after three characters | I do not type my full address on a small keyboard | Suggestions appear within 300 ms | Choosing one fills street, number, postcode and city',
    'Enter the address by hand | shopper whose address is not found | to type my address manually | I can still order when the lookup does not know my new-build street | The manual form is one tap away from the suggestions',
    'Warn about postcodes we cannot deliver to | shopper | to hear early when the carrier cannot deliver to my postcode | I do not pay for an order that will not arrive | The warning names the postcode and the carrier',
    'Separate billing address | business customer | to give a billing address that differs from the delivery address | invoices reach our accounts department | Billing address is hidden until "different billing address" is ticked',
    'task: Cache address lookups and cap provider spend per day | Daily cap configurable | Falls back to manual entry when the cap is reached',
  ],
  'one-page': [
    'spike: Prototype the one-page checkout and test it with five shoppers | Findings shared with design and engineering',
    'Delivery, shipping and payment on one page | shopper | to see every checkout section on one page | I know how much is left before I can pay | Completed sections collapse into a one-line summary | A collapsed section reopens without losing input',
    'Live order total in the summary | shopper | the total to update as I change delivery options | there are no surprises when I pay | The total includes shipping and VAT',
    'Inline validation on every field | shopper | to see an error next to a field as soon as I leave it | I can fix mistakes before pressing pay | Errors are announced to screen readers',
    'Sticky pay button on mobile | shopper on a phone | the pay button always within reach | I do not scroll back up to find it | The button shows the amount to pay',
    'Edit the basket without leaving checkout | shopper | to change quantities from the order summary | I do not lose what I have entered | Removing the last item returns to the basket',
    'Delivery date for each shipping option | shopper buying a gift | to see when each shipping option arrives | I can pick one that arrives in time | Dates come from the carrier cut-off times',
    'Promo code in the order summary | returning customer | to apply my promo code on the checkout page | I see the discount before I pay | An invalid code says why it was refused',
    'Keep my input after a page reload | shopper on a flaky connection | what I typed to survive a reload | I do not start over | Card details are never stored in the browser',
    'Collapse the order summary on mobile | shopper on a phone | the order summary folded away by default | the form is the first thing I see | The folded summary still shows the total',
  ],
  wallets: [
    '[wallet-domain] task: Register and verify our merchant domains for Apple Pay | Production and staging domains verified',
    '[apple-pay] Apple Pay on the payment step | shopper on an iPhone | to pay with Apple Pay | I do not type my card number on a small screen | The button shows only on devices with Apple Pay set up',
    'Google Pay on the payment step | shopper on Android | to pay with Google Pay | I can pay with the card already on my phone | The button follows Google brand guidelines',
    'Express wallet buttons in the basket | shopper in a hurry | to pay with my wallet straight from the basket | I skip the address form entirely | Address and shipping option come from the wallet sheet',
    'Shipping options inside the wallet sheet | wallet shopper | to choose standard or express delivery in the payment sheet | the amount I approve is final | Changing the option updates the total in the sheet',
    'Wallet payments in the daily order export | finance controller | wallet payments labelled in the daily export | reconciliation matches the provider report | A column names the wallet used',
    'task: Alert when wallet payment success drops below 95% | Alert goes to the payments on-call rotation',
    'Back to the card form when the wallet sheet is closed | shopper | to continue with a card when I close the wallet sheet | I do not end up on an empty page | Focus moves to the card number field',
    'Wallet button on product pages | shopper on a phone | to buy a single product with my wallet from its page | I can buy on impulse in seconds | Shown only for products in stock',
  ],
  retries: [
    '[retry-rules] task: Agree retry rules with the risk team | List of retryable decline codes | Maximum attempts per order',
    'spike: Analyse three months of decline codes by issuer | Top ten issuers by soft-decline volume',
    '[retry-soft] Retry soft declines automatically | shopper whose payment timed out | my payment retried once in the background | I do not enter my card again | Only decline codes on the agreed list are retried | A retry never charges twice',
    'Clear message when a card is declined | shopper whose card was declined | to know why and what to try next | I do not give up on my order | Messages never expose raw provider codes',
    'Suggest another payment method after two failures | shopper | to be offered PayPal or a wallet after two failed card attempts | I can still complete my order | The basket and address stay filled in',
    'Recovered payments dashboard | payments analyst | to see recovered payments per day and decline code | we can tune the retry rules | Data refreshed hourly',
    'task: Idempotency keys on every payment request | Keys stored for 24 hours',
    'Keep my order for 30 minutes after a failed payment | shopper whose payment failed | my order kept for half an hour | I can try again with another card | Stock stays reserved for 30 minutes',
  ],
  sca: [
    '[sca-device-data] Send full device data for 3-D Secure 2 | shopper | my bank to recognise my device | I am not asked for a code every time | All mandatory browser fields are sent',
    'Bank challenge in an overlay instead of a redirect | shopper asked to verify a payment | the bank challenge to open on top of the checkout | I do not lose my place | The overlay works at 320 px width',
    '[sca-exemptions] Ask for low-value exemptions | shopper buying something under €30 | to pay without a bank challenge | small orders stay quick | Exemption requested only below the agreed threshold',
    'Resume checkout after a failed challenge | shopper whose bank challenge timed out | to try again or choose another method | I do not start checkout over | The failed attempt is shown in plain words',
    'Challenge outcome in the order timeline | customer service agent | to see whether a payment was challenged and how it ended | I can explain a failed payment | Shows frictionless, challenged, failed or exempted',
    'task: Monitor challenge rate and abandonment per issuer | Weekly report to the payments channel',
    'spike: What does our acquirer need for risk-analysis exemptions? | Answer documented with the acquirer contact',
    'Explain why my bank is asking | shopper asked to verify a payment | a short explanation before the bank challenge opens | I do not mistake it for a scam | Text reviewed by the fraud team',
  ],
  germany: [
    'spike: Which German payment methods matter besides Klarna and PayPal? | Share of each method in German e-commerce',
    '[de-copy] Checkout in German | German shopper | the whole checkout in German | I understand what I agree to | No English strings left in the flow',
    "[de-terms] German terms and withdrawal notice at checkout | German shopper | to read the terms and my right of withdrawal before I pay | I know my rights | The pay button reads 'Zahlungspflichtig bestellen'",
    '[de-klarna] Pay with Klarna | German shopper | to pay by invoice with Klarna | I pay after the parcel arrives | Klarna shown only for German delivery addresses',
    'Pay with SEPA Direct Debit | German shopper | to pay from my bank account | I do not need a credit card | The mandate text is shown before payment',
    'German address format and postcode check | German shopper | the address form to follow the German format | my parcel arrives first time | Five-digit postcodes validated',
    'Deliver to a Packstation | German shopper | to send my parcel to a Packstation | I can collect it whenever I like | Asks for the Postnummer',
    'task: Launch checklist with marketing and customer service | German support hours confirmed',
    '[de-launch] task: Switch on the German checkout for the .de shop | Rollback plan agreed',
    'Prices shown with VAT included | German shopper | every price marked as including VAT | I know the price is final | Shipping costs linked next to every price',
  ],
  vat: [
    'spike: Invoice requirements for Germany, the Netherlands and Belgium | Checklist reviewed by finance',
    '[vat-rates] VAT rate of the destination country | finance controller | VAT charged at the rate of the delivery country | we comply with the EU one-stop-shop rules | Rates maintained in one table with validity dates',
    '[vat-invoice-de] German invoice layout | German business customer | an invoice with the wording German law requires | I can reclaim the VAT | Shows our VAT ID and the delivery date',
    'Invoice number series per country | finance controller | a continuous invoice number series per country | our auditors find no gaps | Numbers are never reused after a cancellation',
    'Business customers enter a VAT ID | business customer | to enter my VAT ID at checkout | I am invoiced under the reverse-charge rules | VAT ID checked against VIES',
    'Archive invoices for ten years | finance controller | every invoice archived unchanged for ten years | we meet the retention rules | Archived invoices cannot be edited',
  ],
  failover: [
    '[psp-sandbox] spike: Integrate the second payment provider in its sandbox | Card payment, refund and webhook tested',
    'Route card payments to the backup provider | shopper | my payment to go through while our main provider has an outage | I can still buy | Switches after five consecutive provider errors',
    'task: Health checks and error budgets per payment provider | Dashboard per provider',
    'Manual provider switch for the on-call engineer | on-call engineer | to move card traffic to the backup provider with one command | I can act before the automatic failover does | Every switch is logged with who and why',
    'Refund through the provider that took the payment | customer service agent | refunds to go to the provider that took the payment | customers get their money back without manual work | Provider stored on every payment',
    'Status banner during a payment outage | shopper | to be told when a payment method has problems | I can choose another one | Banner text editable by customer service',
  ],
  currency: [
    'spike: Pick an exchange-rate source and update frequency | Recommendation with cost',
    'Prices in euros for EU shoppers | Dutch shopper | prices shown in euros | I know exactly what I pay | Currency follows the delivery country',
    'Charge in the currency shown | EU shopper | to be charged exactly the amount I saw | my bank adds no conversion fee | The amount sent to the provider matches the summary',
    'Price rounding rules per market | pricing manager | prices to end in .99 or .95 per market | converted prices look intentional | Rules configurable without a deploy',
    'Currency on invoices and emails | shopper | the same currency on my invoice and confirmation email | my records match my bank statement | Amounts formatted per locale',
    'task: Store amounts with their currency everywhere in the order service | No bare decimal amounts left',
    'Switch currency in the footer | EU shopper living abroad | to choose the currency myself | I can pay in the currency of my card | Choice remembered for the session',
  ],
  benelux: [
    'Pay with iDEAL | Dutch shopper | to pay with iDEAL in my banking app | I pay the way I always do | Bank chosen in the iDEAL app, not in our form',
    'Pay with Bancontact | Belgian shopper | to pay with Bancontact | I can use my Belgian debit card | QR code shown on desktop',
    'Checkout in Dutch | Dutch shopper | the checkout in Dutch | I understand every step | Reviewed by a native speaker',
    'spike: Co-badged Bancontact cards: which scheme do we route to? | Cost comparison per scheme',
    'Dutch postcode and house number lookup | Dutch shopper | my address filled in from postcode and house number | I type less | Uses the national address register',
  ],
  'saved-cards': [
    'spike: Network tokens or provider tokens for saved cards? | Recommendation with authorisation-rate data',
    'Save my card for next time | returning customer | to save my card securely | my next checkout is faster | Card stored as a provider token, never by us',
    'Manage saved cards in my account | returning customer | to see and remove my saved cards | I stay in control of my data | Removal takes effect immediately',
    'Reorder a past basket in one click | returning customer | to reorder a previous basket | restocking my usual items takes seconds | Unavailable items are listed, not silently dropped',
    'Ask for the security code only when needed | returning customer | to skip the security code when my bank allows it | paying with a saved card is one tap | Falls back to asking when the payment is challenged',
  ],
  a11y: [
    'task: External WCAG 2.2 AA audit of the checkout | Findings filed as bugs',
    'Complete checkout with the keyboard alone | keyboard user | to reach and use every control with the keyboard | I can buy without a mouse | Visible focus on every control',
    'Form errors announced to screen readers | screen reader user | errors read out when they appear | I know what to fix | Tested with VoiceOver and NVDA',
    'Checkout usable at 200% zoom | shopper with low vision | the checkout to work when I zoom in | nothing is cut off | No horizontal scrolling at 320 px',
    'No time limit on the payment step | shopper who needs more time | no session timeout while I fill in the payment form | I am not thrown out halfway | Warn before any unavoidable timeout',
    'Error summary at the top of the form | screen reader user | a list of all errors at the top after pressing pay | I can jump to each one | Each entry links to its field',
  ],
};

/** Stories that serve no initiative: orphan work the alignment views should flag. */
export const ORPHAN_STORIES: string[] = [
  'Gift message on the order | shopper buying a present | to add a gift message | the recipient knows who it is from | Message printed on the packing slip',
  'Loyalty points on the confirmation page | loyalty member | to see the points this order earned me | I feel rewarded for buying here | Points shown only for signed-in members',
  'Country shop shown in the header | international shopper | to see which country shop I am in | I do not order from the wrong one | The flag opens the country picker',
  'Newsletter opt-in on the confirmation page | marketing manager | a newsletter opt-in after the order | we grow the list without slowing checkout | Unticked by default',
];
