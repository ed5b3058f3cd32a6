import type { CodeInfo } from '../../lib/codes';
import { selectionBounds, usePlan } from '../../stores/plan';

/** Picks a tool; with several cells marked, it also fills them (a code) or empties them (Visk ut). */
function pick(tool: string | null) {
  const s = usePlan.getState();
  s.setTool(tool);
  const b = selectionBounds(s.anchor, s.cursor);
  if (tool !== null && (b.r1 > b.r0 || b.c1 > b.c0)) s.fillSelection(tool || null);
}

/** Pick what the mouse paints: a code, the eraser, or plain selection. */
export function Palette({ codes }: { codes: CodeInfo[] }) {
  const tool = usePlan((s) => s.tool);
  return (
    <div className="palette" role="toolbar" aria-label="Vaktkoder">
      <button type="button" className={tool === null ? 'pal active' : 'pal'} aria-pressed={tool === null} onClick={() => pick(null)}
        title="Klikk og dra for å markere celler">
        Marker
      </button>
      {codes.map((c) => (
        <button key={c.code} type="button" className={tool === c.code ? 'pal active' : 'pal'} aria-pressed={tool === c.code}
          style={{ background: c.color }} onClick={() => pick(c.code)} title={`${c.code}: ${c.label}. Fyller markerte celler; klikk eller dra i rutenettet for å legge inn flere.`}>
          {c.code}
        </button>
      ))}
      <button type="button" className={tool === '' ? 'pal active' : 'pal'} aria-pressed={tool === ''} onClick={() => pick('')}
        title="Klikk eller dra for å tømme celler">
        Visk ut
      </button>
    </div>
  );
}
