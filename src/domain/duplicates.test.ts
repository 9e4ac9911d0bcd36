import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  DUPLICATE_THRESHOLD,
  type DuplicateCandidate,
  type DuplicatePair,
  findDuplicates,
  MAX_DUPLICATE_PAIRS,
} from './duplicates.ts';
import { TokenMemo, tokenize } from './text-tokens.ts';

const item = (
  id: string,
  title: string,
  description = '',
  story: string | null = null,
): DuplicateCandidate => ({
  id,
  title,
  story,
  description,
});

/** Unrelated items, so that word weights look like a real backlog's. */
const BACKLOG = [
  ['Invite teammates by email', 'Send a link that expires after seven days.'],
  ['Dark theme for the web app', 'Follow the operating system setting.'],
  ['Sprint burndown chart', 'See whether the sprint is on track.'],
  ['Two-factor authentication', 'TOTP codes from an authenticator app.'],
  ['Import issues from Jira', 'Map Jira statuses onto ours; keep the history.'],
  ['Keyboard shortcuts for the board', 'J and K move, E edits, ? lists them.'],
  ['Webhook retries with backoff', 'Retry failed deliveries up to five times.'],
  ['Slow search on large products', 'Searching 50k items takes seconds.'],
  ['Release notes generated from done items', 'Group them by label.'],
  ['Archive finished initiatives', 'Hide them from the roadmap by default.'],
].map(([title, description], i) => item(`b${i}`, title!, description));

const scoreOf = (pairs: DuplicatePair[], a: string, b: string) =>
  pairs.find((pair) => pair.itemIds[0] === a && pair.itemIds[1] === b)?.score ?? 0;

/** The checks every result must pass, whatever the input. */
function assertWellFormed(pairs: DuplicatePair[], threshold = DUPLICATE_THRESHOLD) {
  assert.ok(pairs.length <= MAX_DUPLICATE_PAIRS);
  const seen = new Set<string>();
  pairs.forEach((pair, i) => {
    const [a, b] = pair.itemIds;
    assert.ok(a < b, `ids not ascending, or an item paired with itself: ${a}, ${b}`);
    assert.ok(pair.score >= threshold && pair.score > 0 && pair.score <= 1, `score ${pair.score}`);
    assert.equal(Math.round(pair.score * 1000) / 1000, pair.score);
    assert.ok(!seen.has(`${a} ${b}`), 'pair listed twice');
    seen.add(`${a} ${b}`);
    const next = pairs[i + 1];
    if (next === undefined) return;
    const order = next.score - pair.score || (a < next.itemIds[0] ? -1 : a > next.itemIds[0] ? 1 : 0);
    assert.ok(order < 0 || (order === 0 && b < next.itemIds[1]), 'not sorted by score, then ids');
  });
}

describe('findDuplicates', () => {
  it('finds an exact duplicate with score 1, and nothing else in an unrelated backlog', () => {
    const story = 'As a product manager, I want to export the roadmap, so that I can share it';
    const description = 'The PDF keeps the colours and the legend of the timeline.';
    const items = [
      ...BACKLOG,
      item('x1', 'Export roadmap as PDF', description, story),
      item('x2', 'Export roadmap as PDF', description, story),
    ];
    assert.deepEqual(findDuplicates(items), [{ itemIds: ['x1', 'x2'], score: 1 }]);
    assert.deepEqual(findDuplicates(BACKLOG), []);
  });

  it('finds a reworded duplicate: other words and word order, inflections, case and width', () => {
    const items = [
      ...BACKLOG,
      item(
        'r1',
        'Export the roadmap as a PDF',
        'Download the timeline as a PDF file to share with stakeholders.',
      ),
      item('r2', 'ＰＤＦ exports of roadmaps', 'Stakeholders want a PDF download of the timeline to share.'),
      item(
        'r3',
        'Login fails with SSO on Safari',
        'After the SAML redirect the page stays blank; CSP error.',
      ),
      item(
        'r4',
        'SSO login broken in Safari',
        'Blank page after the SAML redirect, a CSP error in the console.',
      ),
    ];
    const pairs = findDuplicates(items);
    assert.ok(scoreOf(pairs, 'r1', 'r2') >= DUPLICATE_THRESHOLD && scoreOf(pairs, 'r1', 'r2') < 1);
    assert.ok(scoreOf(pairs, 'r3', 'r4') >= DUPLICATE_THRESHOLD);
    assert.equal(pairs.length, 2);
  });

  it('weighs the title most: one title over two descriptions pairs, one description under two titles not', () => {
    const shared = 'Select many rows in the backlog, then add or remove labels.';
    const items = [
      ...BACKLOG,
      item('t1', 'Bulk edit labels', shared),
      item('t2', 'Bulk edit labels', 'Customers asked for it in the last survey; see ticket 4411.'),
      item('t3', 'Rename a product', shared),
    ];
    const pairs = findDuplicates(items);
    assert.ok(scoreOf(pairs, 't1', 't2') >= DUPLICATE_THRESHOLD);
    assert.equal(scoreOf(pairs, 't1', 't3'), 0);
  });

  it('does not pair items that share only the story scaffolding or a description template', () => {
    const template = 'As a user I want this so that I can work faster. Acceptance criteria: to be defined.';
    const items = [
      ...BACKLOG,
      item(
        's1',
        'Filter the backlog by assignee',
        template,
        'As a user, I want to filter by assignee, so that I can',
      ),
      item(
        's2',
        'Comment notifications',
        template,
        'As a user, I want to be notified of comments, so that I can',
      ),
      // No titles: only the stories could pair them, and they share nothing but "As a product manager, I want".
      item('s3', '', '', 'As a product manager, I want dark mode, so that I can work at night'),
      item('s4', '', '', 'As a product manager, I want a CSV import, so that we can move from Jira'),
    ];
    assert.deepEqual(findDuplicates(items), []);
    assert.equal(scoreOf(findDuplicates(items, { threshold: 0 }), 's3', 's4'), 0);
  });

  it('never pairs items without words, whatever the threshold', () => {
    const items = [
      item('e1', ''),
      item('e2', '', '   ', ''),
      item('e3', '!!! --- ???', '*'.repeat(1000)),
      item('e4', 'It is what it is', '', 'As a user, I want to, so that'),
      item('e5', 'the and of to'),
    ];
    assert.deepEqual(findDuplicates(items, { threshold: 0 }), []);
  });

  it('matches words in other scripts: NFC and NFD, Cyrillic; Chinese and Japanese by character pairs', () => {
    const items = [
      ...BACKLOG,
      item('u1', 'Réunion d’équipe planifiée', 'Créer la réunion'),
      item('u2', 'Re\u0301union d’e\u0301quipe planifie\u0301e', 'Cre\u0301er la re\u0301union'),
      item('u3', 'Экспорт дорожной карты'),
      item('u4', 'экспорт ДОРОЖНОЙ карты'),
      item('u5', '路线图导出为PDF文件'),
      item('u6', '将路线图导出为PDF文件'),
      item('u7', 'ロードマップをPDFで書き出す'),
      item('u8', 'ロードマップのPDF書き出し'),
    ];
    const pairs = findDuplicates(items);
    assert.equal(scoreOf(pairs, 'u1', 'u2'), 1);
    assert.equal(scoreOf(pairs, 'u3', 'u4'), 1);
    assert.ok(scoreOf(pairs, 'u5', 'u6') >= DUPLICATE_THRESHOLD);
    assert.ok(scoreOf(pairs, 'u7', 'u8') >= DUPLICATE_THRESHOLD);
    assert.equal(pairs.length, 4);
  });

  it('returns at most 200 pairs (or `limit`), the best first, ties by ids', () => {
    // 70 triples of identical items: 210 pairs with score 1.
    const items = Array.from({ length: 210 }, (_, i) =>
      item(`i${String(i).padStart(3, '0')}`, `Topic${Math.floor(i / 3)} feature${Math.floor(i / 3)}`),
    );
    const pairs = findDuplicates(items);
    assert.equal(pairs.length, MAX_DUPLICATE_PAIRS);
    assertWellFormed(pairs);
    assert.deepEqual(pairs.slice(0, 4), [
      { itemIds: ['i000', 'i001'], score: 1 },
      { itemIds: ['i000', 'i002'], score: 1 },
      { itemIds: ['i001', 'i002'], score: 1 },
      { itemIds: ['i003', 'i004'], score: 1 },
    ]);
    assert.deepEqual(findDuplicates(items, { limit: 5 }), pairs.slice(0, 5));
    assert.deepEqual(findDuplicates(items, { limit: 1000 }), pairs);
    assert.deepEqual(findDuplicates(items, { limit: 0 }), []);
  });

  it('returns only pairs scoring at least the threshold', () => {
    const items = [
      ...BACKLOG,
      item('h1', 'Export roadmap as PDF'),
      item('h2', 'Export roadmap as PDF'),
      item('h3', 'Export roadmap as PNG image'),
      item('h4', 'Share roadmap link'),
    ];
    const all = findDuplicates(items, { threshold: 0 });
    assertWellFormed(all, 0);
    assert.ok(
      all.some((pair) => pair.score < DUPLICATE_THRESHOLD),
      'no pair below the default to leave out',
    );
    for (const threshold of [0.2, 0.5, DUPLICATE_THRESHOLD, 0.9, 1]) {
      assert.deepEqual(
        findDuplicates(items, { threshold }),
        all.filter((pair) => pair.score >= threshold),
      );
    }
    assert.deepEqual(findDuplicates(items, { threshold: 1 }), [{ itemIds: ['h1', 'h2'], score: 1 }]);
  });

  it('rejects a threshold outside [0, 1] and a limit that is not a count', () => {
    assert.throws(() => findDuplicates(BACKLOG, { threshold: 1.5 }), RangeError);
    assert.throws(() => findDuplicates(BACKLOG, { threshold: Number.NaN }), RangeError);
    assert.throws(() => findDuplicates(BACKLOG, { limit: -1 }), RangeError);
    assert.throws(() => findDuplicates(BACKLOG, { limit: 2.5 }), RangeError);
  });

  it('stays cheap on hostile input: thousands of identical items, huge texts', () => {
    const started = performance.now();
    const same = Array.from({ length: 10_000 }, (_, i) => item(`s${i}`, 'Export roadmap as PDF'));
    const pairs = findDuplicates(same);
    assert.equal(pairs.length, MAX_DUPLICATE_PAIRS);
    assert.ok(pairs.every((pair) => pair.score === 1));
    for (const huge of ['*a'.repeat(50_000), 'e\u0301'.repeat(50_000), '路线图'.repeat(30_000)]) {
      const junk = Array.from({ length: 1_000 }, (_, i) => item(`j${i}`, huge, huge, huge));
      assertWellFormed(findDuplicates(junk));
    }
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 3_000, `took ${elapsed.toFixed(0)} ms`);
  });
});

const WORDS = 'export roadmap pdf sprint board label the as a Exports ПДФ 路线图'.split(' ');
const text = (maxWords: number) =>
  fc.array(fc.constantFrom(...WORDS), { maxLength: maxWords }).map((words) => words.join(' '));
const itemText = fc.record({
  title: text(5),
  story: fc.option(text(8).map((goal) => `As a user, I want ${goal}, so that it works`)),
  description: fc.oneof(text(12), fc.string({ maxLength: 40 })),
});
const backlog = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 24 })
  .chain((ids) => fc.tuple(...ids.map((id) => itemText.map((t) => ({ id, ...t })))));
/** Long texts of the pieces that cost most: separators, combining marks, lone surrogates, CJK… */
const PIECES = [
  'a*',
  '*',
  'e\u0301',
  '\u0301',
  '\ud800',
  '路线',
  'ＰＤＦ',
  'İ',
  '😀',
  ' ',
  'As a user, I want ',
];
const hostileText = fc
  .tuple(
    fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }),
    fc.integer({ min: 1, max: 2_000 }),
  )
  .map(([pieces, times]) => pieces.join('').repeat(times));

type Text = Omit<DuplicateCandidate, 'id'>;
const twoItems = (x: Text, y: Text, secondId = 'b') =>
  findDuplicates(
    [
      { id: 'a', ...x },
      { id: secondId, ...y },
    ],
    { threshold: 0 },
  );

describe('findDuplicates properties', () => {
  it('gives the same pairs and scores whatever the order of the items, every time', () => {
    fc.assert(
      fc.property(
        backlog.chain((items) =>
          fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length })),
        ),
        fc.constantFrom(0, 0.3, DUPLICATE_THRESHOLD),
        ([items, shuffled], threshold) => {
          const pairs = findDuplicates(items, { threshold });
          assertWellFormed(pairs, threshold);
          assert.deepEqual(findDuplicates(shuffled, { threshold }), pairs);
          assert.deepEqual(findDuplicates(structuredClone(items), { threshold }), pairs);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('scores a pair the same whichever item holds which text', () => {
    fc.assert(
      fc.property(itemText, itemText, (x, y) => {
        const pairs = twoItems(x, y);
        assertWellFormed(pairs, 0);
        assert.deepEqual(twoItems(y, x), pairs);
      }),
      { numRuns: 200 },
    );
  });

  it('never pairs an item with itself, even with a copy under the same id', () => {
    fc.assert(fc.property(itemText, (x) => assert.deepEqual(twoItems(x, x, 'a'), [])));
  });

  it('stays well-formed and symmetric on hostile text; a copy scores 1', () => {
    const hostileItem = fc.record({
      title: hostileText,
      story: fc.option(hostileText),
      description: hostileText,
    });
    fc.assert(
      fc.property(hostileItem, hostileItem, (x, y) => {
        const pairs = twoItems(x, y);
        assertWellFormed(pairs, 0);
        assert.deepEqual(twoItems(y, x), pairs);
        assert.ok(twoItems(x, x).every((pair) => pair.score === 1));
      }),
      { numRuns: 100 },
    );
  });
});

describe('findDuplicates with the words of the last run kept (TokenMemo)', () => {
  it('gives what a run without it gives, run after run, as items change, come and go', () => {
    fc.assert(
      fc.property(fc.array(backlog, { minLength: 2, maxLength: 5 }), (runs) => {
        const memo = new TokenMemo();
        for (const items of runs) {
          assert.deepEqual(
            findDuplicates(items, { threshold: 0, memo }),
            findDuplicates(items, { threshold: 0 }),
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reads again only the texts that changed, and keeps only the latest run', () => {
    const memo = new TokenMemo();
    const [a, b, c] = [item('a', 'Export the roadmap'), item('b', 'Export to PDF'), item('c', 'Dark mode')];
    memo.begin();
    const [wordsA, wordsB] = [memo.of(a), memo.of(b), memo.of(c)];
    memo.end();
    memo.begin();
    assert.equal(memo.of({ ...a }), wordsA, 'the same text: the words kept');
    const edited = memo.of({ ...b, title: 'Export to PNG' });
    assert.notEqual(edited, wordsB);
    assert.deepEqual(edited, { ...tokenize({ ...b, title: 'Export to PNG' }), ...b, title: 'Export to PNG' });
    memo.end();
    assert.equal(memo.size, 2, 'c was not in the latest run');
  });
});
