/** «Fyll ut» while the search runs (with «Avbryt»), and when it failed. */
import { useGenerate } from '../../../stores/generate';
import { fmtInt } from '../../../lib/format';

export function RunningStep() {
  const status = useGenerate((s) => s.status);
  const options = useGenerate((s) => s.options);
  const cancelling = useGenerate((s) => s.cancelling);
  const cancel = useGenerate((s) => s.cancel);
  const jobId = useGenerate((s) => s.jobId);
  const budget = options?.seconds ?? 20;
  const p = status?.progress;
  const elapsed = p?.elapsedSeconds ?? 0;
  const pct = Math.min(100, Math.round((elapsed / budget) * 100));
  return (
    <div className="gen-running">
      <p>Turnus prøver ut mange tusen varianter og tar vare på den beste. Planen endres ikke mens dette pågår.</p>
      <div
        className="gen-bar"
        role="progressbar"
        aria-label="Tid brukt"
        aria-valuemin={0}
        aria-valuemax={budget}
        aria-valuenow={Math.round(elapsed)}
      >
        <div style={{ width: pct + '%' }} />
      </div>
      <p className="gen-time" data-testid="gen-elapsed">
        Tid brukt: {fmtInt(Math.floor(elapsed))} av {fmtInt(budget)} sekunder
      </p>
      <div className="gen-score" role="status" aria-live="polite" data-testid="gen-progress">
        {p && p.moves > 0 ? (
          <>
            <span>Beste forslag så langt:</span> <b>Udekkede vakter: {fmtInt(p.openShifts)}</b> ·{' '}
            <b className={p.hardViolations ? 'bad' : 'ok'}>Regelbrudd: {fmtInt(p.hardViolations)}</b>
            <span className="muted"> · {fmtInt(p.moves)} varianter prøvd</span>
          </>
        ) : (
          <span className="muted">{jobId ? 'Starter søket …' : 'Lagrer planen og starter …'}</span>
        )}
      </div>
      <div className="buttons">
        <button type="button" className="danger" disabled={!jobId || cancelling} onClick={() => void cancel()}>
          {cancelling ? 'Avbryter …' : 'Avbryt'}
        </button>
        <span className="muted small">
          «Avbryt» stopper søket og viser det beste forslaget så langt. Ingenting endres før du velger «Bruk endringene».
        </span>
      </div>
    </div>
  );
}

export function FailedStep() {
  const error = useGenerate((s) => s.error);
  const planId = useGenerate((s) => s.planId);
  const open = useGenerate((s) => s.open);
  const close = useGenerate((s) => s.close);
  return (
    <div>
      <p className="form-error" role="alert">
        Utfyllingen stoppet: {error}
      </p>
      <p>Ingenting i planen er endret.</p>
      <div className="buttons">
        <button type="button" className="primary" onClick={() => planId != null && open(planId)}>
          Tilbake
        </button>
        <button type="button" onClick={close}>
          Lukk
        </button>
      </div>
    </div>
  );
}
