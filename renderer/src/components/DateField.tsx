/**
 * A date as Norwegians type it, whatever the browser's language: shows dd.mm.åååå and reads
 * «01.02.2027», «1.2.27», «1.2» (this year) or ISO through parseUserDate, with a Norwegian
 * message beside the field when the text is no date. No native date picker, so no mm/dd/yyyy,
 * no English validation and no limit that stops typing a date outside the plan: the form
 * decides what is allowed, and says so.
 *
 * `value` is the ISO date ('yyyy-MM-dd'), '' when empty, or the text as typed while it is no
 * date (so a form's own check, e.g. isIsoDate, refuses it).
 */
import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { formatDateNo, isIsoDate, parseUserDate } from '../../../shared/calendar';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'>;

const shown = (value: string) => (isIsoDate(value) ? formatDateNo(value, false) : value);

/** What the text means: the ISO date, '' for nothing, or the trimmed text when it is no date. */
function readDate(text: string, label: string): { value: string; message: string | null } {
  if (text.trim() === '') return { value: '', message: null };
  const r = parseUserDate(text, label);
  return r.ok ? { value: r.date, message: null } : { value: text.trim(), message: r.message };
}

export function DateField(props: InputProps & { value: string; onChange(value: string): void; label: string }) {
  const { value, onChange, label, onBlur, className, ...rest } = props;
  const [text, setText] = useState(() => shown(value));
  const [message, setMessage] = useState<string | null>(null);
  // A value set from outside (a form reset, a default) replaces the text.
  useEffect(() => {
    setText((t) => (readDate(t, label).value === value ? t : shown(value)));
  }, [value, label]);
  const invalid = props['aria-invalid'] === true || props['aria-invalid'] === 'true' || !!message;
  return (
    <>
      <input
        {...rest}
        type="text"
        autoComplete="off"
        placeholder={rest.placeholder ?? 'dd.mm.åååå'}
        className={'date-field' + (className ? ' ' + className : '')}
        value={text}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          setText(e.target.value);
          setMessage(null);
          onChange(readDate(e.target.value, label).value);
        }}
        onBlur={(e) => {
          const v = readDate(text, label);
          setMessage(v.message);
          if (!v.message && v.value) setText(shown(v.value));
          onBlur?.(e);
        }}
      />
      {message && (
        <span className="field-error" role="alert">
          {message}
        </span>
      )}
    </>
  );
}
