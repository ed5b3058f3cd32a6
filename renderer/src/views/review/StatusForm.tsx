/** Drøfting og godkjenning: the forms that move the plan between statuses (with the drøfting-date warning). */
import { useState, type FormEvent } from 'react';
import type { PlanStatus } from '../../../../shared/api';
import type { ReviewState } from '../../../../shared/api/review';
import { Field, FormError } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { fieldOf, messageOf } from '../../api';
import { useReview } from '../../stores/review';
import { fmtDate, splitNames, todayIso } from './common';

interface FormSpec {
  to: PlanStatus;
  title: string;
  intro: string;
  namesLabel: string;
  namesHint: string;
  button: string;
  needsNames: boolean;
  defaultVersionName: (date: string) => string;
}

const SPECS: Record<PlanStatus, FormSpec> = {
  til_drofting: {
    to: 'til_drofting',
    title: 'Send til drøfting',
    intro: 'Registrer at planen legges fram for de tillitsvalgte. Planen slik den er nå lagres som en egen versjon som ikke kan endres.',
    namesLabel: 'Tillitsvalgte',
    namesHint: 'Skill navnene med komma, f.eks. «Anne Berg (Fagforbundet), Per Lie (NSF)»',
    button: 'Send til drøfting',
    needsNames: true,
    defaultVersionName: (d) => `Til drøfting ${fmtDate(d)}`,
  },
  godkjent: {
    to: 'godkjent',
    title: 'Godkjenn',
    intro: 'Registrer at planen er drøftet og godkjent. Planen slik den er nå lagres som den godkjente versjonen.',
    namesLabel: 'Godkjent av',
    namesHint: 'Den som godkjenner og de tillitsvalgte, skilt med komma',
    button: 'Godkjenn',
    needsNames: true,
    defaultVersionName: (d) => `Godkjent ${fmtDate(d)}`,
  },
  utkast: {
    to: 'utkast',
    title: 'Åpne planen for endringer',
    intro: 'Setter planen tilbake til utkast. Versjonene som er lagret blir ikke endret. Større endringer bør drøftes på nytt.',
    namesLabel: 'Navn (valgfritt)',
    namesHint: 'Hvem som ble enige om å åpne planen, skilt med komma',
    button: 'Sett tilbake til utkast',
    needsNames: false,
    defaultVersionName: () => '',
  },
};

/**
 * What the chosen drøfting date means before it is sent: after the aml § 10-3 deadline (a
 * warning, sent only on a second, explicit click), or in the future («skal drøftes»).
 */
function droftingDateNotice(date: string, deadline: string): { late: boolean; text: string } | null {
  if (!date) return null;
  const late = date > deadline;
  const future = date > todayIso();
  if (!late && !future) return null;
  const when = future ? `Planen skal drøftes ${fmtDate(date)}` : `Drøftingen ${fmtDate(date)}`;
  return late
    ? {
        late,
        text: `${when}, etter fristen ${fmtDate(deadline)}: arbeidsplanen skal drøftes med de tillitsvalgte senest to uker før den settes i verk (aml § 10-3). Avviket står i drøftingspakken.`,
      }
    : { late, text: `${when}, innenfor fristen ${fmtDate(deadline)}. Drøftingspakken skriver at planen skal drøftes denne dagen.` };
}

function StatusForm({
  spec,
  primary,
  onDone,
  deadline,
}: {
  spec: FormSpec;
  primary: boolean;
  onDone(message: string): void;
  deadline: string;
}) {
  const setStatus = useReview((s) => s.setStatus);
  const [date, setDate] = useState(todayIso());
  const [names, setNames] = useState('');
  const [note, setNote] = useState('');
  const [versionName, setVersionName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const [lateConfirmed, setLateConfirmed] = useState(false);
  const notice = spec.to === 'til_drofting' ? droftingDateNotice(date, deadline) : null;
  const needsConfirm = notice?.late === true && !lateConfirmed;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (needsConfirm) {
      setLateConfirmed(true);
      return;
    }
    const list = splitNames(names);
    const errs: Record<string, string> = {};
    if (!date) errs.date = 'Velg datoen.';
    if (spec.needsNames && list.length === 0) errs.names = `Skriv inn minst ett navn under «${spec.namesLabel}».`;
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await setStatus({
        status: spec.to,
        date,
        names: list,
        note: note.trim() || undefined,
        versionName: spec.to !== 'utkast' && versionName.trim() ? versionName.trim() : undefined,
      });
      setNames('');
      setNote('');
      setVersionName('');
      onDone(
        spec.to === 'utkast'
          ? 'Planen er satt tilbake til utkast.'
          : `Registrert. Versjonen «${versionName.trim() || spec.defaultVersionName(date)}» er lagret.`,
      );
    } catch (err) {
      const f = fieldOf(err)?.split('.').pop();
      setErrors(f && ['date', 'names', 'note', 'versionName'].includes(f) ? { [f]: messageOf(err) } : { form: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={'panel rv-form' + (primary ? ' rv-primary' : '')} onSubmit={submit} aria-label={spec.title}>
      <h2>{spec.title}</h2>
      <p className="muted">{spec.intro}</p>
      <div className="form-row">
        <Field
          label={spec.to === 'til_drofting' ? 'Dato for drøftingen' : spec.to === 'godkjent' ? 'Dato for godkjenningen' : 'Dato'}
          error={errors.date}
        >
          <DateField
            label={spec.to === 'til_drofting' ? 'Dato for drøftingen' : spec.to === 'godkjent' ? 'Dato for godkjenningen' : 'Dato'}
            value={date}
            onChange={(v) => {
              setDate(v);
              setLateConfirmed(false);
            }}
          />
        </Field>
        <Field label={spec.namesLabel} error={errors.names} hint={spec.namesHint}>
          <input className="rv-wide" value={names} onChange={(e) => setNames(e.target.value)} />
        </Field>
      </div>
      <Field label="Merknad (valgfritt)" error={errors.note}>
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      {spec.to !== 'utkast' && (
        <Field
          label="Navn på versjonen (valgfritt)"
          error={errors.versionName}
          hint={`Tomt gir «${spec.defaultVersionName(date || todayIso())}»`}
        >
          <input className="rv-wide" value={versionName} onChange={(e) => setVersionName(e.target.value)} />
        </Field>
      )}
      {notice && (
        <p className={notice.late ? 'form-error rv-late' : 'muted rv-future'} role={notice.late ? 'alert' : 'status'}>
          {notice.text}
          {notice.late && lateConfirmed ? ' Trykk «Send likevel» for å registrere drøftingen med denne datoen.' : ''}
        </p>
      )}
      <FormError message={errors.form} />
      <div className="buttons">
        <button type="submit" className={primary ? 'primary' : ''} disabled={busy}>
          {notice?.late ? (lateConfirmed ? 'Send likevel' : `${spec.button} …`) : spec.button}
        </button>
      </div>
    </form>
  );
}

export function Actions({ state, onDone }: { state: ReviewState; onDone(message: string): void }) {
  const next: PlanStatus = state.status === 'utkast' ? 'til_drofting' : state.status === 'til_drofting' ? 'godkjent' : 'utkast';
  const others: PlanStatus[] =
    state.status === 'utkast' ? [] : state.status === 'til_drofting' ? ['til_drofting', 'utkast'] : ['til_drofting'];
  return (
    <>
      <StatusForm
        key={state.status + next}
        spec={SPECS[next]}
        primary={state.status !== 'godkjent'}
        onDone={onDone}
        deadline={state.droftingDeadline}
      />
      {others.length > 0 && (
        <details className="rv-more">
          <summary>Andre valg: {others.map((o) => (o === 'til_drofting' ? 'drøft på nytt' : 'tilbake til utkast')).join(', ')}</summary>
          {others.map((o) => (
            <StatusForm
              key={o}
              spec={o === 'til_drofting' ? { ...SPECS.til_drofting, title: 'Send til ny drøfting' } : SPECS[o]}
              primary={false}
              onDone={onDone}
              deadline={state.droftingDeadline}
            />
          ))}
        </details>
      )}
    </>
  );
}
