import { useMemo, useState } from 'react';
import { usePlan } from '../../stores/plan';
import { MONTH_LONG } from '../../../../shared/calendar';
import { reveal } from '../../stores/viewport';
import { count } from '../../../../shared/text';

/** «Gå til»: the months of the plan; choosing one puts the cursor on its first day. */
function MonthJump() {
  const days = usePlan((s) => s.days);
  const months = useMemo(() => {
    const out: { label: string; c: number }[] = [];
    days.forEach((d, c) => {
      if (c === 0 || d.endsWith('-01')) out.push({ label: `${MONTH_LONG[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`, c });
    });
    return out;
  }, [days]);
  if (months.length < 2) return null;
  return (
    <label className="month-jump">
      Gå til
      <select
        value=""
        onChange={(e) => {
          const c = Number(e.target.value);
          const s = usePlan.getState();
          const employee = s.employees[s.cursor.r];
          if (employee) reveal({ employeeId: employee.id, date: s.days[c] });
        }}
      >
        <option value="" disabled>
          måned …
        </option>
        {months.map((m) => (
          <option key={m.c} value={m.c}>
            {m.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Undo/redo and the clipboard of the grid, as buttons (the keys do the same). */
export function Toolbar() {
  const canUndo = usePlan((s) => s.undoStack.length > 0);
  const canRedo = usePlan((s) => s.redoStack.length > 0);
  const hasClip = usePlan((s) => s.clipboard !== null);
  const [note, setNote] = useState<string | null>(null);
  const s = usePlan.getState;
  return (
    <div className="toolbar" role="toolbar" aria-label="Redigering">
      <button type="button" disabled={!canUndo} onClick={() => s().undo()} title="Angre (Ctrl+Z)">
        Angre
      </button>
      <button type="button" disabled={!canRedo} onClick={() => s().redo()} title="Gjør om (Ctrl+Y)">
        Gjør om
      </button>
      <span className="sep" />
      <button
        type="button"
        onClick={() => {
          s().copySelection();
          setNote(null);
        }}
        title="Kopier markerte celler (Ctrl+C). Klikk på «Uke» i toppen for å markere en hel uke."
      >
        Kopier
      </button>
      <button type="button" disabled={!hasClip} onClick={() => s().paste()} title="Lim inn fra markert celle (Ctrl+V)">
        Lim inn
      </button>
      <button
        type="button"
        disabled={!hasClip}
        onClick={() => {
          const n = s().pasteToEnd();
          setNote(`${count(n, 'celle', 'celler')} fylt ut perioden. Ferie og fravær er beholdt.`);
        }}
        title="Lim inn igjen og igjen fra markert celle til planen slutter (f.eks. en kopiert uke). Ferie og fravær blir ikke overskrevet."
      >
        Gjenta ut perioden
      </button>
      <button type="button" onClick={() => s().fillSelection(null)} title="Tøm markerte celler (Delete)">
        Tøm markering
      </button>
      <MonthJump />
      {note && (
        <span className="muted toolbar-note" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
