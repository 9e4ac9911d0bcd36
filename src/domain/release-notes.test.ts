import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderNotesHtml } from '../presenters/release-notes-html.ts';
import {
  changeKindOf,
  escapeMarkdownText,
  formatNotesDate,
  generateReleaseNotes,
  type NotesInitiative,
  type NotesItem,
  noteLine,
  toReader,
} from './release-notes.ts';

const release = { name: '2.4', targetDate: '2027-03-31', releasedAt: null };

function item(overrides: Partial<NotesItem> = {}): NotesItem {
  return { type: 'story', title: 'A change', story: null, labels: [], initiativeId: null, ...overrides };
}

function story(soThat: string) {
  return { asA: 'shopper', iWant: 'to pay', soThat };
}

const checkout: NotesInitiative = {
  id: 'i-checkout',
  title: 'One-click checkout',
  publicSummary: 'Pay in one click, wherever you are.',
  visibility: 'public',
};
const accounts: NotesInitiative = {
  id: 'i-accounts',
  title: 'Accounts',
  publicSummary: 'Sign in faster.',
  visibility: 'public',
};
const secret: NotesInitiative = {
  id: 'i-secret',
  title: 'Project Nightingale',
  publicSummary: 'Our confidential migration to a new vendor.',
  visibility: 'internal',
};

describe('changeKindOf', () => {
  it('maps stories to new, stories and tasks labelled improvement to improved, bugs to fixed', () => {
    assert.equal(changeKindOf({ type: 'story', labels: [] }), 'new');
    assert.equal(changeKindOf({ type: 'story', labels: ['improvement'] }), 'improved');
    assert.equal(changeKindOf({ type: 'task', labels: ['improvement'] }), 'improved');
    assert.equal(changeKindOf({ type: 'bug', labels: ['ux'] }), 'fixed');
  });

  it('leaves out spikes, plain tasks and anything labelled internal, whatever the case of the label', () => {
    assert.equal(changeKindOf({ type: 'spike', labels: [] }), null);
    assert.equal(changeKindOf({ type: 'task', labels: ['ci'] }), null);
    assert.equal(changeKindOf({ type: 'bug', labels: ['internal'] }), null);
    assert.equal(changeKindOf({ type: 'story', labels: ['Internal'] }), null);
  });
});

describe('toReader', () => {
  it('turns the first person to the reader, capitalised, ending with a period', () => {
    assert.equal(toReader('I can pay with my saved card'), 'You can pay with your saved card.');
    assert.equal(toReader('the shop remembers me'), 'The shop remembers you.');
    assert.equal(
      toReader("I'm never asked twice and I am done sooner"),
      'You’re never asked twice and you are done sooner.',
    );
    assert.equal(toReader('My receipts are mine to keep'), 'Your receipts are yours to keep.');
    assert.equal(toReader('we see our orders'), 'You see your orders.');
  });

  it('drops a leading "so that", keeps an ending question or exclamation mark, trims a trailing comma', () => {
    assert.equal(toReader('so that I know the total'), 'You know the total.');
    assert.equal(toReader('Nothing is lost!'), 'Nothing is lost!');
    assert.equal(toReader('it is faster,'), 'It is faster.');
    assert.equal(toReader('   '), '');
  });

  it('leaves words that only contain the pronouns alone, and "US" as a country', () => {
    assert.equal(toReader('mysterious mines in the US are known'), 'Mysterious mines in the US are known.');
  });
});

describe('noteLine', () => {
  it('writes a story with a "so that" as a bold title and its benefit, anything else as its title', () => {
    assert.equal(
      noteLine({ title: 'Saved cards', story: story('I can pay with my saved card') }),
      '- **Saved cards**: You can pay with your saved card.',
    );
    assert.equal(noteLine({ title: 'Saved cards', story: story('') }), '- Saved cards');
    assert.equal(noteLine({ title: 'Faster search', story: null }), '- Faster search');
  });
});

describe('escapeMarkdownText', () => {
  it('keeps a title from injecting HTML, links, emphasis or block structure', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click me](https://evil.example)',
      'visit https://evil.example or www.evil.example',
      'write to me@evil.example',
      '# Heading',
      '- not a list',
      '1. not a list',
      '> not a quote',
      '***',
      '*bold* _em_ `code` ~~gone~~ &amp;',
      'two\n\n# lines',
    ];
    for (const title of hostile) {
      const html = renderNotesHtml(`- ${escapeMarkdownText(title)}`);
      const inner = html.replace(/^<ul>\n<li>/, '').replace(/<\/li>\n<\/ul>\n$/, '');
      assert.doesNotMatch(inner, /<[a-z]/i, `no element from ${JSON.stringify(title)}: ${html}`);
    }
  });

  it('shows the title as written once rendered', () => {
    const title = 'Fix <b> & [links] in *names*';
    assert.equal(
      renderNotesHtml(escapeMarkdownText(title)),
      '<p>Fix &lt;b&gt; &amp; [links] in *names*</p>\n',
    );
  });
});

describe('formatNotesDate', () => {
  it('writes a date or a timestamp as month day, year', () => {
    assert.equal(formatNotesDate('2027-03-31'), 'March 31, 2027');
    assert.equal(formatNotesDate('2026-11-05T14:00:00.000Z'), 'November 5, 2026');
  });
});

describe('generateReleaseNotes', () => {
  it('groups done items under public initiatives in title order, then by new, improved and fixed', () => {
    const notes = generateReleaseNotes({
      release,
      items: [
        item({ type: 'bug', title: 'Card form loses focus', initiativeId: 'i-checkout' }),
        item({
          title: 'Saved cards',
          story: story('I can pay with my saved card'),
          initiativeId: 'i-checkout',
        }),
        item({
          type: 'task',
          title: 'Faster sign-in page',
          labels: ['improvement'],
          initiativeId: 'i-accounts',
        }),
        item({ title: 'Better totals', labels: ['improvement'], initiativeId: 'i-checkout' }),
      ],
      initiatives: [checkout, accounts],
    });
    assert.equal(
      notes,
      [
        '# 2.4',
        '',
        '_March 31, 2027_',
        '',
        '## Accounts',
        '',
        'Sign in faster.',
        '',
        '### Improved',
        '',
        '- Faster sign-in page',
        '',
        '## One-click checkout',
        '',
        'Pay in one click, wherever you are.',
        '',
        '### New',
        '',
        '- **Saved cards**: You can pay with your saved card.',
        '',
        '### Improved',
        '',
        '- Better totals',
        '',
        '### Fixed',
        '',
        '- Card form loses focus',
        '',
      ].join('\n'),
    );
  });

  it('puts items of internal initiatives and of none under "Other changes", never naming the initiative', () => {
    const notes = generateReleaseNotes({
      release,
      items: [
        item({ type: 'bug', title: 'Vendor timeout', initiativeId: 'i-secret' }),
        item({ title: 'Dark mode' }),
        item({ type: 'task', title: 'Gone initiative', labels: ['improvement'], initiativeId: 'i-trashed' }),
      ],
      initiatives: [secret],
    });
    assert.match(
      notes,
      /## Other changes\n\n### New\n\n- Dark mode\n\n### Improved\n\n- Gone initiative\n\n### Fixed\n\n- Vendor timeout\n$/,
    );
    assert.doesNotMatch(notes, /Nightingale|confidential/);
    assert.doesNotMatch(notes, /^## (?!Other changes)/m);
  });

  it('leaves out spikes and internal-labelled items, and an initiative left with nothing to show', () => {
    const notes = generateReleaseNotes({
      release,
      items: [
        item({ type: 'spike', title: 'Research vendors', initiativeId: 'i-accounts' }),
        item({ type: 'bug', title: 'Fix the admin tool', labels: ['internal'], initiativeId: 'i-accounts' }),
        item({ title: 'Express pay', initiativeId: 'i-checkout' }),
      ],
      initiatives: [checkout, accounts],
    });
    assert.doesNotMatch(notes, /Research vendors|admin tool|Accounts/);
    assert.match(notes, /## One-click checkout[\s\S]*- Express pay/);
    assert.doesNotMatch(notes, /Other changes/);
  });

  it('shows only user language: no keys, labels or other fields, and escapes every user text', () => {
    const notes = generateReleaseNotes({
      release: { name: '<b>2.5</b>', targetDate: null, releasedAt: '2027-04-02T09:00:00.000Z' },
      items: [item({ title: '<script>alert(1)</script>', labels: ['ux'], initiativeId: 'i-x' })],
      initiatives: [
        {
          id: 'i-x',
          title: '[Evil](https://evil.example)',
          publicSummary: '<i>hi</i>\n\nmore',
          visibility: 'public',
        },
      ],
    });
    assert.equal(
      notes,
      [
        '# \\<b\\>2.5\\</b\\>',
        '',
        '_April 2, 2027_',
        '',
        '## \\[Evil\\](https\\://evil.example)',
        '',
        '\\<i\\>hi\\</i\\>',
        '',
        'more',
        '',
        '### New',
        '',
        '- \\<script\\>alert(1)\\</script\\>',
        '',
      ].join('\n'),
    );
    assert.doesNotMatch(renderNotesHtml(notes), /<(script|b|i|a)[\s>]/);
  });

  it('says there is nothing to tell when no item is user-facing, and has no date line without dates', () => {
    const notes = generateReleaseNotes({
      release: { name: '2.6', targetDate: null, releasedAt: null },
      items: [item({ type: 'spike' })],
      initiatives: [],
    });
    assert.equal(notes, '# 2.6\n\nNo user-facing changes in this release.\n');
  });
});
