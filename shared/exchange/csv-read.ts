/** Reading CSV text (staff lists) into a RawTable with each row's real line number. */
import Papa from 'papaparse';

/** A table read from a file: the first row is the header. `line` is the line in the file (1-based). */
export interface RawTable {
  rows: { line: number; cells: string[] }[];
}

export interface ImportIssue {
  /** Line in the file (1-based); 0 for the file as a whole. */
  line: number;
  /** The field's Norwegian label, when the issue concerns one field. */
  field?: string;
  /** The full Norwegian message, ready to show. */
  message: string;
}

function issue(line: number, _field: undefined, text: string): ImportIssue {
  return { line, message: line > 0 ? `Linje ${line}: ${text}` : `Filen: ${text}` };
}

/** The separator of the header line: the most frequent of ; , tab and | outside quotes (default ;). */
export function guessDelimiter(text: string): string {
  const header = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
    ['|', 0],
  ]);
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ';';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/**
 * Reads CSV text (separator `;`, `,` or tab detected; a BOM is dropped) into a RawTable with
 * each row's real line number, also when a quoted cell spans lines.
 */
export function parseCsvTable(text: string): { table: RawTable; errors: ImportIssue[] } {
  const src = text.replace(/^\uFEFF/, '');
  const rows: RawTable['rows'] = [];
  const errors: ImportIssue[] = [];
  let line = 1;
  let lastCursor = 0;
  const lineAt = (cursor: number) => {
    for (let i = lastCursor; i < cursor && i < src.length; i++) if (src.charCodeAt(i) === 10) line++;
    lastCursor = Math.max(lastCursor, cursor);
    return line;
  };
  let rowStart = 0;
  Papa.parse<string[]>(src, {
    delimiter: guessDelimiter(src),
    skipEmptyLines: false,
    step: (res) => {
      const start = lineAt(rowStart);
      // In step mode a row's cursor is where the next row starts.
      rowStart = res.meta.cursor;
      const cells = Array.isArray(res.data) ? res.data.map((c) => String(c ?? '')) : [];
      rows.push({ line: start, cells });
      for (const e of res.errors) {
        errors.push(
          issue(start, undefined, e.code === 'MissingQuotes' ? 'et anførselstegn («"») er ikke lukket' : `kan ikke leses (${e.message})`),
        );
      }
    },
  });
  return { table: { rows }, errors };
}
