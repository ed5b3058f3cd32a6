/**
 * The fields of the step forms (fravær, møter og kurs, ferieønsker, helg): a label stacked over
 * its control with the error under it, and the «who» and «type» selects they share.
 */
import type { ReactNode } from 'react';
import type { AbsenceCode } from '../../../../../shared/plan/model';

/** `<label class="stack">` with the control and, when set, the error (and what follows it). */
export function StackField(props: { label: string; htmlFor?: string; error?: string | null; children: ReactNode; after?: ReactNode }) {
  return (
    <label htmlFor={props.htmlFor} className="stack">
      {props.label}
      {props.children}
      {props.error && (
        <span className="field-error" role="alert">
          {props.error}
        </span>
      )}
      {props.after}
    </label>
  );
}

/** The options of an employee select: «Velg …» (value '') and/or «Alle ansatte» (value '*') first when asked. */
export function EmployeeOptions(props: { employees: readonly { id: string; name: string }[]; choose?: boolean; all?: boolean }) {
  return (
    <>
      {props.choose && <option value="">Velg …</option>}
      {props.all && <option value="*">Alle ansatte</option>}
      {props.employees.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name}
        </option>
      ))}
    </>
  );
}

/** The options of an absence or activity code select: «FE – Ferie». */
export function CodeOptions(props: { codes: readonly Pick<AbsenceCode, 'code' | 'name' | 'kind'>[] }) {
  return (
    <>
      {props.codes.map((c) => (
        <option key={c.code} value={c.code}>
          {c.code} – {c.name ?? c.kind}
        </option>
      ))}
    </>
  );
}
