import { useId, type ReactElement, cloneElement } from 'react';

/** A labelled input with its error message right under it. */
export function Field(props: { label: string; error?: string | null; hint?: string; children: ReactElement<Record<string, unknown>> }) {
  const id = useId();
  const errId = id + '-err';
  const hintId = id + '-hint';
  const describedBy = [props.error ? errId : null, props.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={'field' + (props.error ? ' field--error' : '')}>
      <label htmlFor={id}>{props.label}</label>
      {cloneElement(props.children, { id, 'aria-invalid': props.error ? true : undefined, 'aria-describedby': describedBy })}
      {props.hint && (
        <small id={hintId} className="field-hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <p id={errId} className="field-error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A message for the whole form (when the backend did not name a field). */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
