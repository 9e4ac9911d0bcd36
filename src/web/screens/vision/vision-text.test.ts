import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstLines, formOf, inputOf, linesOf } from './vision-text.ts';

describe('the vision form', () => {
  it('reads lists one entry a line, dropping blank lines', () => {
    assert.deepEqual(linesOf(' Small teams \n\n  Agencies\n'), ['Small teams', 'Agencies']);
    assert.equal(linesOf(Array.from({ length: 30 }, (_, i) => `c${i}`).join('\n')).length, 20);
  });

  it('turns a draft into the form and back', () => {
    const draft = {
      statement: 'Go',
      targetCustomers: ['A', 'B'],
      problems: [],
      differentiators: ['D'],
      periodStart: '2027-01-01',
      periodEnd: null,
    };
    assert.deepEqual(inputOf(formOf(draft)), draft);
  });

  it('keeps the first lines of a statement for the home', () => {
    assert.equal(firstLines('One\n\nTwo\nThree\nFour'), 'One\n\nTwo\n\nThree');
  });
});
