// Readers for the text files the app offers (test-only): a CSV by RFC 4180, and an iCalendar file's content
// lines, unfolded. Written apart from the app's writers, so a test reads what a spreadsheet or a calendar would.

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; CRLF between records; a BOM is skipped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    cell = '',
    q = false;
  const t = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (q) {
      if (c === '"' && t[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && t[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** iCalendar content lines (RFC 5545), unfolded: a line starting with a space continues the one before. */
export function icsLines(ics: string): string[] {
  return ics.split('\r\n').reduce<string[]>((out, l) => {
    if (l.startsWith(' ')) out[out.length - 1] += l.slice(1);
    else if (l) out.push(l);
    return out;
  }, []);
}
