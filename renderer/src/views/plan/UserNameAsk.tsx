/**
 * The first time something is written to the change log on this machine, the user is asked
 * for the name it should carry (instead of the computer's user name, such as «root»). Asked
 * once: the answer (or «Behold») is remembered in this browser.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, messageOf } from '../../api';
import { usePlan } from '../../stores/plan';
import { Field } from '../../components/Field';

const ASKED = 'turnus.userNameAsked';
const asked = () => {
  try {
    return localStorage.getItem(ASKED) === '1';
  } catch {
    return true;
  }
};
const markAsked = () => {
  try {
    localStorage.setItem(ASKED, '1');
  } catch {
    /* asks again next time */
  }
};

export function UserNameAsk() {
  const edited = usePlan((s) => s.undoStack.length > 0);
  const [current, setCurrent] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(asked);
  useEffect(() => {
    if (done || !edited || current !== null) return;
    void api.getUserName().then(setCurrent, () => setCurrent(''));
  }, [done, edited, current]);
  if (done || !edited || current === null) return null;

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draft.trim()) {
      setError('Skriv navnet ditt, eller velg «Behold».');
      return;
    }
    try {
      await api.setUserName(draft.trim());
      markAsked();
      setDone(true);
    } catch (err) {
      setError(messageOf(err));
    }
  }
  return (
    <form className="user-ask" aria-label="Ditt navn i endringsloggen" onSubmit={save}>
      <span>Endringene dine skrives i endringsloggen{current ? <> med navnet «{current}»</> : ''}. Hvilket navn skal stå der?</span>
      <Field label="Ditt navn" error={error}>
        <input
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setError(null);
          }}
          placeholder="f.eks. Kari Nordmann"
        />
      </Field>
      <button type="submit" className="primary">
        Lagre navnet
      </button>
      <button
        type="button"
        className="link"
        onClick={() => {
          markAsked();
          setDone(true);
        }}
      >
        Behold «{current}»
      </button>
    </form>
  );
}
