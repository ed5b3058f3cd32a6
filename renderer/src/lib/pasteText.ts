/**
 * Cells pasted as text from a spreadsheet (Excel, LibreOffice, Google Sheets): rows on lines,
 * cells separated by tabs. Codes are matched to the plan's codes without regard to case; an
 * empty cell empties the grid cell; a code the plan does not know is left out (the cell keeps
 * what it has) and reported, so the user can decide before anything is written.
 */
export interface PastedBlock {
  /** Rows of codes: a known code, null (empty cell) or undefined (unknown code, skipped). */
  block: (string | null | undefined)[][];
  rows: number;
  cols: number;
  /** Unknown codes as written, with how many cells hold each, in order of appearance. */
  unknown: { text: string; cells: number }[];
}

export function parsePastedText(text: string, codes: readonly string[]): PastedBlock {
  const byUpper = new Map(codes.map((c) => [c.toUpperCase(), c]));
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // A spreadsheet ends the copied block with one line break (a copied empty cell is just that).
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const unknown = new Map<string, number>();
  const block = lines.map((line) =>
    line.split('\t').map((raw) => {
      const t = raw.trim();
      if (t === '') return null;
      const code = byUpper.get(t.toUpperCase());
      if (code) return code;
      unknown.set(t, (unknown.get(t) ?? 0) + 1);
      return undefined;
    }),
  );
  return {
    block,
    rows: block.length,
    cols: block.reduce((m, row) => Math.max(m, row.length), 0),
    unknown: [...unknown].map(([t, cells]) => ({ text: t, cells })),
  };
}
