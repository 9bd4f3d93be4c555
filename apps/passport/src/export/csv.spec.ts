import { csvField, csvRow, freeText } from './csv';

describe('the passport summary CSV', () => {
  it('neutralises free text that starts like a formula, and quotes what needs quoting', () => {
    expect(csvField(freeText('=HYPERLINK("http://evil")'))).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField(freeText('@SUM(A1)'))).toBe("'@SUM(A1)");
    expect(csvField(freeText('Welding, level 2'))).toBe('"Welding, level 2"');
  });

  it('writes ids, dates and statuses exactly as the API shows them', () => {
    expect(csvRow(['-Rju2fJ5vQ1aP0tq3Yx9wA', freeText('-1 point'), '2026-12-05T00:00:00.000Z', 'accepted'])).toBe("-Rju2fJ5vQ1aP0tq3Yx9wA,'-1 point,2026-12-05T00:00:00.000Z,accepted\r\n");
  });
});
