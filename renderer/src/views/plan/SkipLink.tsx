import { usePlan } from '../../stores/plan';
import { reveal } from '../../stores/viewport';

/** The first stop of the Tab key on a plan: straight to the grid, at its cursor. */
export function SkipLink() {
  return (
    // biome-ignore lint/a11y/useValidAnchor: a skip link to the grid (#rutenett); the click is handled in place because the app's router owns location.hash
    <a
      className="skip-link"
      href="#rutenett"
      onClick={(e) => {
        e.preventDefault();
        const s = usePlan.getState();
        const emp = s.employees[s.cursor.r];
        const date = s.days[s.cursor.c];
        if (emp && date) reveal({ employeeId: emp.id, date });
      }}
    >
      Gå til rutenettet
    </a>
  );
}
