import { csvCell, csvLine, freeText, neutraliseFormula } from './csv-writer';

describe('CSV writing', () => {
  it.each(['=cmd|/C calc!A0', '+1+1', '-2', '@SUM(A1)', '\tx', '\rx'])('neutralises the formula cell %j', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
    expect(csvCell(freeText(value))).toMatch(/^"?'/);
  });

  it('leaves ordinary cells alone and quotes what needs quoting', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(freeText('a,b'))).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
    expect(csvCell(freeText(null))).toBe('');
  });

  it('neutralises free text only, never an id, a status or a count', () => {
    expect(csvLine([2, freeText('=1+2'), '-Rju2fJ5vQ1aP0tq3Yx9wA', 'awarded', -1])).toBe("2,'=1+2,-Rju2fJ5vQ1aP0tq3Yx9wA,awarded,-1\r\n");
  });

  it('quotes neutralised free text that holds quotes and commas (the passport summary)', () => {
    expect(csvCell(freeText('=HYPERLINK("http://evil")'))).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell(freeText('@SUM(A1)'))).toBe("'@SUM(A1)");
    expect(csvCell(freeText('Welding, level 2'))).toBe('"Welding, level 2"');
  });

  it('writes ids, dates and statuses exactly as the API shows them', () => {
    expect(csvLine(['-Rju2fJ5vQ1aP0tq3Yx9wA', freeText('-1 point'), '2026-12-05T00:00:00.000Z', 'accepted'])).toBe("-Rju2fJ5vQ1aP0tq3Yx9wA,'-1 point,2026-12-05T00:00:00.000Z,accepted\r\n");
  });
});
