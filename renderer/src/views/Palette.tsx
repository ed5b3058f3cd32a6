import type { CodeInfo } from '../lib/codes';
import { usePlan } from '../stores/plan';

/** Pick what the mouse paints: a code, the eraser, or plain selection. */
export function Palette({ codes }: { codes: CodeInfo[] }) {
  const tool = usePlan((s) => s.tool);
  const setTool = usePlan((s) => s.setTool);
  return (
    <div className="palette" role="toolbar" aria-label="Vaktkoder">
      <button type="button" className={tool === null ? 'pal active' : 'pal'} aria-pressed={tool === null} onClick={() => setTool(null)}
        title="Klikk og dra for å markere celler">
        Marker
      </button>
      {codes.map((c) => (
        <button key={c.code} type="button" className={tool === c.code ? 'pal active' : 'pal'} aria-pressed={tool === c.code}
          style={{ background: c.color }} onClick={() => setTool(c.code)} title={`${c.code}: ${c.label}. Klikk eller dra i rutenettet for å legge inn.`}>
          {c.code}
        </button>
      ))}
      <button type="button" className={tool === '' ? 'pal active' : 'pal'} aria-pressed={tool === ''} onClick={() => setTool('')}
        title="Klikk eller dra for å tømme celler">
        Visk ut
      </button>
    </div>
  );
}
