import { useMemo } from 'react';
import { typingKeys, type CodeInfo } from '../../lib/codes';
import { selectionBounds, usePlan } from '../../stores/plan';

/** Picks a tool; with several cells marked, it also fills them (a code) or empties them (Visk ut). */
function pick(tool: string | null) {
  const s = usePlan.getState();
  s.setTool(tool);
  const b = selectionBounds(s.anchor, s.cursor);
  if (tool !== null && (b.r1 > b.r0 || b.c1 > b.c0)) s.fillSelection(tool || null);
}

/** The key hint shown on a palette button: the letters that type the code in the grid. */
export function keyHint(k: { keys: string; pause: boolean }): string {
  return k.pause ? `${k.keys} og vent litt` : k.keys;
}

/**
 * Pick what the mouse paints: a code, the eraser, or plain selection. A code or the eraser
 * paints one stroke (a click or a drag); then the palette is back on «Marker», so a later
 * click only looks.
 */
export function Palette({ codes }: { codes: CodeInfo[] }) {
  const tool = usePlan((s) => s.tool);
  const keys = useMemo(() => typingKeys(codes.map((c) => c.code)), [codes]);
  return (
    <div className="palette" role="toolbar" aria-label="Vaktkoder">
      <button
        type="button"
        className={tool === null ? 'pal active' : 'pal'}
        aria-pressed={tool === null}
        onClick={() => pick(null)}
        title="Klikk og dra for å markere celler"
      >
        Marker
      </button>
      {codes.map((c) => (
        <button
          key={c.code}
          type="button"
          className={tool === c.code ? 'pal active' : 'pal'}
          aria-pressed={tool === c.code}
          style={{ background: c.color }}
          onClick={() => pick(c.code)}
          aria-label={c.code}
          title={`${c.code}: ${c.label}. Tast i rutenettet: ${keyHint(keys.get(c.code)!)}. Fyller markerte celler; ett klikk eller drag i rutenettet legger inn koden én gang.`}
        >
          {c.code}
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the kbd itself is not focusable; the key hint is hidden so the button is read as its code only */}
          <kbd className="pal-key" aria-hidden="true">
            {keys.get(c.code)!.keys}
            {keys.get(c.code)!.pause ? '…' : ''}
          </kbd>
        </button>
      ))}
      <button
        type="button"
        className={tool === '' ? 'pal active' : 'pal'}
        aria-pressed={tool === ''}
        onClick={() => pick('')}
        title="Klikk eller dra én gang for å tømme celler"
      >
        Visk ut
      </button>
    </div>
  );
}
