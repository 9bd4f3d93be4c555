import { CsvSyntaxError, parseCsv } from './csv-parser';

describe('parseCsv', () => {
  it('reads plain records with their line numbers', () => {
    expect(parseCsv('email,name\na@x.org,Ann\nb@x.org,Bob\n')).toEqual([
      { line: 1, cells: ['email', 'name'] },
      { line: 2, cells: ['a@x.org', 'Ann'] },
      { line: 3, cells: ['b@x.org', 'Bob'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, keeping later line numbers right', () => {
    const records = parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"multi\r\nline",z\r\nlast,1');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['multi\r\nline', 'z'] },
      { line: 5, cells: ['last', '1'] },
    ]);
  });

  it('accepts CRLF, LF and lone CR line ends, and no final line end', () => {
    expect(parseCsv('a\r\nb\nc\rd').map((r) => r.cells[0])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('strips a BOM and skips blank lines', () => {
    expect(parseCsv('\uFEFFemail\n\na@x.org\n\n')).toEqual([
      { line: 1, cells: ['email'] },
      { line: 3, cells: ['a@x.org'] },
    ]);
  });

  it('keeps ragged rows as they are, and empty fields', () => {
    expect(parseCsv('a,b,c\n1\n1,2,3,4\n,,\n').map((r) => r.cells)).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4'], ['', '', '']]);
  });

  it('reads an empty quoted field and a quote inside an unquoted field', () => {
    expect(parseCsv('"",a"b\n').map((r) => r.cells)).toEqual([['', 'a"b']]);
  });

  it('refuses an unterminated quoted field with its line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,"open\n2,3\n');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
    }
  });
});
