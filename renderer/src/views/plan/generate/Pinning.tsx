/**
 * Låste ruter (pinned cells): the «Lås vakter» / «Lås opp» button for the cells marked in the
 * grid, and the mark on locked cells. «Fyll ut» never changes a locked cell. The lock is stored
 * with the cell (setCells with `pinned`); the grid paints the mark from the grid-marks store.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, messageOf } from '../../../api';
import { keyOf, selectionBounds, usePlan } from '../../../stores/plan';
import { useGridMarks } from '../../../stores/gridMarks';
import type { CellChange } from '../../../../../shared/api';

/** Keys of the cells that are locked and still hold a code. */
export function usePinnedKeys(): Set<string> {
  const plan = usePlan((s) => s.plan);
  const rev = usePlan((s) => s.rev);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `rev` is the trigger: the cells are read through usePlan.getState(), so a change of `rev` must recompute; `plan` brings the assignments
  return useMemo(() => {
    const cells = usePlan.getState().cells;
    const out = new Set<string>();
    for (const a of plan?.file.assignments ?? []) {
      const k = keyOf(a.employee, a.date);
      if (a.pinned && cells.has(k)) out.add(k);
    }
    return out;
    // rev is a dependency so a cleared cell loses its lock mark at once.
  }, [plan, rev]);
}

/** The marked cells that hold a code (only those can be locked). */
function markedCells(): { key: string; employeeId: string; date: string; code: string }[] {
  const s = usePlan.getState();
  const b = selectionBounds(s.anchor, s.cursor);
  const out: { key: string; employeeId: string; date: string; code: string }[] = [];
  for (let r = b.r0; r <= b.r1; r++) {
    const e = s.employees[r];
    if (!e) continue;
    for (let c = b.c0; c <= b.c1; c++) {
      const date = s.days[c];
      const k = keyOf(e.id, date);
      const code = s.cells.get(k);
      if (date && code) out.push({ key: k, employeeId: e.id, date, code });
    }
  }
  return out;
}

export function PinButton({ planId }: { planId: number }) {
  const pinned = usePinnedKeys();
  // Re-render when the selection moves, so the label says lock or unlock.
  usePlan((s) => `${s.anchor.r},${s.anchor.c},${s.cursor.r},${s.cursor.c},${s.rev}`);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const marked = markedCells();
  const allPinned = marked.length > 0 && marked.every((m) => pinned.has(m.key));

  const toggle = async () => {
    const cells = markedCells();
    if (!cells.length) {
      setMessage({ text: 'Marker en eller flere vakter i turnusen først. Tomme ruter kan ikke låses.', bad: true });
      return;
    }
    const lock = !cells.every((m) => pinned.has(m.key));
    setBusy(true);
    try {
      const plan = usePlan.getState();
      await plan.flush();
      const changes: CellChange[] = cells.map((m) => ({ employeeId: m.employeeId, date: m.date, code: m.code, pinned: lock }));
      await api.setCells(planId, changes);
      await usePlan.getState().reloadFile();
      const n = cells.length;
      setMessage({
        text: lock
          ? `${n} ${n === 1 ? 'vakt' : 'vakter'} låst (mørk ramme). «Fyll ut» endrer ${n === 1 ? 'den' : 'dem'} aldri.`
          : `${n} ${n === 1 ? 'vakt' : 'vakter'} låst opp.`,
        bad: false,
      });
    } catch (e) {
      setMessage({ text: `Kunne ikke ${lock ? 'låse' : 'låse opp'}: ${messageOf(e)}`, bad: true });
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => useGridMarks.getState().setMarks('pinned', pinned), [pinned]);
  useEffect(() => () => useGridMarks.getState().setMarks('pinned', []), []);
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => void toggle()}
        title="Låste vakter endres aldri av «Fyll ut». Marker vaktene i turnusen først. Låste ruter har mørk ramme."
      >
        {allPinned ? 'Lås opp' : 'Lås vakter'}
      </button>
      {message && (
        <span className={message.bad ? 'gen-pin-msg bad' : 'gen-pin-msg'} role="status">
          {message.text}
        </span>
      )}
    </>
  );
}
