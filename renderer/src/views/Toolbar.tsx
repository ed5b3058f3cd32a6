import { useState } from 'react';
import { usePlan } from '../stores/plan';

/** Undo/redo and the clipboard of the grid, as buttons (the keys do the same). */
export function Toolbar() {
  const canUndo = usePlan((s) => s.undoStack.length > 0);
  const canRedo = usePlan((s) => s.redoStack.length > 0);
  const hasClip = usePlan((s) => s.clipboard !== null);
  const [note, setNote] = useState<string | null>(null);
  const s = usePlan.getState;
  return (
    <div className="toolbar" role="toolbar" aria-label="Redigering">
      <button type="button" disabled={!canUndo} onClick={() => s().undo()} title="Angre (Ctrl+Z)">Angre</button>
      <button type="button" disabled={!canRedo} onClick={() => s().redo()} title="Gjør om (Ctrl+Y)">Gjør om</button>
      <span className="sep" />
      <button type="button" onClick={() => { s().copySelection(); setNote(null); }}
        title="Kopier markerte celler (Ctrl+C). Klikk på «Uke» i toppen for å markere en hel uke.">Kopier</button>
      <button type="button" disabled={!hasClip} onClick={() => s().paste()} title="Lim inn fra markert celle (Ctrl+V)">Lim inn</button>
      <button type="button" disabled={!hasClip}
        onClick={() => { const n = s().pasteToEnd(); setNote(`${n} celler fylt ut perioden. Ferie og fravær er beholdt.`); }}
        title="Lim inn igjen og igjen fra markert celle til planen slutter (f.eks. en kopiert uke). Ferie og fravær blir ikke overskrevet.">
        Gjenta ut perioden
      </button>
      <button type="button" onClick={() => s().fillSelection(null)} title="Tøm markerte celler (Delete)">Tøm markering</button>
      {note && <span className="muted toolbar-note" role="status">{note}</span>}
    </div>
  );
}
