import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvAttachment, csvCell, toCsv } from './csv.ts';

describe('CSV', () => {
  it('writes a header row and one row per record with CRLF line ends', () => {
    assert.equal(
      toCsv(
        ['date', 'remaining', 'afterEnd'],
        [
          ['2026-03-02', 13.5, false],
          ['2026-03-03', null, true],
        ],
      ),
      'date,remaining,afterEnd\r\n2026-03-02,13.5,false\r\n2026-03-03,,true\r\n',
    );
  });

  it('quotes cells with commas, quotes and line breaks, doubling the quotes', () => {
    assert.equal(csvCell('Sprint 3, part 2'), '"Sprint 3, part 2"');
    assert.equal(csvCell('the "big" one'), '"the ""big"" one"');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('cr\r\nlf'), '"cr\r\nlf"');
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell(''), '');
  });

  it('reads back as the same cells with a standard parser', () => {
    const cells = ['a,b', 'say "hi"', 'x\ny', 'ünïcödé', ''];
    const text = toCsv(cells, []);
    assert.deepEqual(parseCsvLine(text.replace(/\r\n$/, '')), cells);
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil")'), '"\'=HYPERLINK(""http://evil"")"');
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('@sum'), "'@sum");
    assert.equal(csvCell(-3), '-3');
  });

  it('names the download with an ASCII fallback and the exact UTF-8 name', () => {
    assert.equal(
      csvAttachment('burndown-Sprint 4 "Größe"'),
      `attachment; filename="burndown-Sprint_4_Gr_e_.csv"; filename*=UTF-8''burndown-Sprint%204%20%22Gr%C3%B6%C3%9Fe%22.csv`,
    );
    assert.equal(
      csvAttachment("it's (1)"),
      `attachment; filename="it_s_1_.csv"; filename*=UTF-8''it%27s%20%281%29.csv`,
    );
    assert.equal(
      csvAttachment('velocity'),
      `attachment; filename="velocity.csv"; filename*=UTF-8''velocity.csv`,
    );
  });
});

/** A minimal RFC 4180 line parser, independent of the writer. */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let cell = '';
      i += 1;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (line[i] === '"') {
          i += 1;
          break;
        } else {
          cell += line[i];
          i += 1;
        }
      }
      cells.push(cell);
      i += 1;
    } else {
      const end = line.indexOf(',', i);
      cells.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return cells;
}
