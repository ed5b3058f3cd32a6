/**
 * «Fyll ut» (issue 6): the button in the plan view's toolbar and its dialog in four steps:
 * choose what to do → progress (with «Avbryt») → preview with reasons → «Bruk endringene» or
 * «Forkast». Nothing is written to the plan before «Bruk endringene»; applying is one undo step.
 */
import { useEffect, useRef } from 'react';
import { usePlan } from '../../../stores/plan';
import { useGenerate } from '../../../stores/generate';
import { PinButton } from './Pinning';
import { plural } from './options';
import { SetupStep } from './SetupStep';
import { FailedStep, RunningStep } from './ProgressSteps';
import { PreviewStep } from './PreviewStep';
import './generate.css';

export function GenerateButton({ planId }: { planId: number }) {
  const phase = useGenerate((s) => s.phase);
  const mine = useGenerate((s) => s.planId === planId);
  const appliedCells = useGenerate((s) => s.appliedCells);
  const open = useGenerate((s) => s.open);
  // Where the applied batch is now: the top undo step, undone (on the redo stack), or gone.
  const where = usePlan((s) => {
    const step = useGenerate.getState().appliedStep;
    if (!step) return 'none';
    if (s.undoStack[s.undoStack.length - 1] === step) return 'top';
    return s.redoStack.includes(step as never) ? 'undone' : 'none';
  });
  useGenerate((s) => s.appliedStep);
  // Leaving the plan stops a running search (nothing has been written to the plan).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `planId` is the trigger: leaving the plan (or opening another) stops a running search
  useEffect(() => () => useGenerate.getState().close(), [planId]);
  return (
    <div className="gen-entry">
      <button
        type="button"
        className="primary"
        onClick={() => open(planId)}
        title="La Turnus lage et forslag til vakter. Du ser forslaget før noe endres."
      >
        Fyll ut …
      </button>
      <PinButton planId={planId} />
      {mine && phase === 'applied' && where === 'top' && (
        <span className="gen-applied" role="status">
          {plural(appliedCells, 'rute', 'ruter')} fylt ut. Angre med «Angre» eller Ctrl+Z.
        </span>
      )}
      {mine && phase === 'applied' && where === 'undone' && (
        <span className="gen-applied undone" role="status">
          Utfyllingen er angret. «Gjør om» (Ctrl+Y) legger den inn igjen.
        </span>
      )}
      {mine && phase !== 'closed' && phase !== 'applied' && <GenerateDialog planId={planId} />}
    </div>
  );
}

function GenerateDialog({ planId }: { planId: number }) {
  const ref = useRef<HTMLDialogElement>(null);
  const phase = useGenerate((s) => s.phase);
  const close = useGenerate((s) => s.close);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const title = phase === 'running' ? 'Turnus lager et forslag …' : phase === 'preview' ? 'Forslag fra «Fyll ut»' : 'Fyll ut turnusen';
  return (
    <dialog
      ref={ref}
      className="gen-dialog"
      aria-labelledby="gen-title"
      onKeyDown={(e) => {
        // Ctrl+Z / Ctrl+Y belong to the grid; inside the dialog they must not undo plan edits.
        if ((e.ctrlKey || e.metaKey) && /^[zy]$/i.test(e.key) && !(e.target as HTMLElement).closest('input')) e.preventDefault();
      }}
      onCancel={(e) => {
        // Esc: while running it stops the search (same as «Avbryt»); otherwise it closes.
        e.preventDefault();
        if (useGenerate.getState().phase === 'running') void useGenerate.getState().cancel();
        else close();
      }}
    >
      <h2 id="gen-title">{title}</h2>
      {phase === 'setup' && <SetupStep planId={planId} />}
      {phase === 'running' && <RunningStep />}
      {phase === 'preview' && <PreviewStep />}
      {phase === 'failed' && <FailedStep />}
    </dialog>
  );
}
