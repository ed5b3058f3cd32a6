import { usePlan } from '../../stores/plan';
import { reveal } from '../../stores/viewport';

/** The first stop of the Tab key on a plan: straight to the grid, at its cursor. */
export function SkipLink() {
  return (
    <a className="skip-link" href="#rutenett" onClick={(e) => {
      e.preventDefault();
      const s = usePlan.getState();
      const emp = s.employees[s.cursor.r];
      const date = s.days[s.cursor.c];
      if (emp && date) reveal({ employeeId: emp.id, date });
    }}>Gå til rutenettet</a>
  );
}
