/** Before text from a spreadsheet with unknown codes is pasted: what will be left out. */
import { usePastePreview } from '../../../stores/pastePreview';
import { usePlan } from '../../../stores/plan';
import { reveal } from '../../../stores/viewport';
import { count, listNo } from '../../../../../shared/text';

/** Focus back in the grid, with the pasted block still marked. */
function backToGrid() {
  const s = usePlan.getState();
  const { anchor, cursor } = s;
  const emp = s.employees[cursor.r];
  if (emp) reveal({ employeeId: emp.id, date: s.days[cursor.c] });
  usePlan.getState().selectRange(anchor, cursor);
}

export function PastePreview() {
  const p = usePastePreview((s) => s.pending);
  const close = usePastePreview((s) => s.close);
  if (!p) return null;
  const skipped = p.unknown.reduce((n, u) => n + u.cells, 0);
  return (
    <div className="paste-preview" role="alertdialog" aria-label="Lime inn fra regneark">
      <p>
        Limer inn {count(p.rows, 'rad', 'rader')} × {count(p.cols, 'dag', 'dager')} fra markøren. Planen kjenner ikke{' '}
        {p.unknown.length === 1 ? 'koden' : 'kodene'} {listNo(p.unknown.map((u) => `«${u.text}» (${count(u.cells, 'celle', 'celler')})`))}:{' '}
        {skipped === 1 ? 'den cellen' : 'de cellene'} blir stående som de er.
      </p>
      <button
        type="button"
        className="primary"
        onClick={() => {
          usePlan.getState().pasteBlock(p.block);
          close();
          backToGrid();
        }}
      >
        Lim inn de kjente kodene
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          close();
          backToGrid();
        }}
      >
        Avbryt
      </button>
    </div>
  );
}
