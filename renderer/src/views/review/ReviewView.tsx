/**
 * «Drøfting og eksport» for one plan: status and approval (aml § 10-3), versions and changes,
 * comments, and exports with a print view. Route: #/plan/:id/drofting[/tab].
 */
import { useEffect, useState } from 'react';
import { ScenarioBanner, useScenarioOfPlan } from '../plan/ScenarioBanner';
import { api } from '../../api';
import type { PlanComment } from '../../../../shared/api/review';
import { hrefOf, type ReviewTab } from '../../lib/router';
import { STATUS_LABEL } from '../../../../shared/review/pack';
import { useReview } from '../../stores/review';
import { useGridMarks } from '../../stores/gridMarks';
import { keyOf } from '../../lib/cellKey';
import { FormError } from '../../components/Field';
import { fmtDate } from './common';
import { StatusTab } from './StatusTab';
import { VersionsTab } from './VersionsTab';
import { CommentsTab } from './CommentsTab';
import { ExportTab } from './ExportTab';
import './review.css';
import { count } from '../../../../shared/text';

const TABS: { tab: ReviewTab; label: string }[] = [
  { tab: 'status', label: 'Drøfting og godkjenning' },
  { tab: 'versjoner', label: 'Versjoner og endringer' },
  { tab: 'kommentarer', label: 'Kommentarer' },
  { tab: 'eksport', label: 'Eksport og utskrift' },
];

export function ReviewView({ planId, tab }: { planId: number; tab: ReviewTab }) {
  const plan = useReview((s) => (s.planId === planId ? s.plan : null));
  const state = useReview((s) => (s.planId === planId ? s.state : null));
  const openComments = useReview((s) => (s.planId === planId ? (s.comments?.filter((c) => !c.resolvedAt).length ?? 0) : 0));
  const loadError = useReview((s) => s.loadError);
  const load = useReview((s) => s.load);
  const scenario = useScenarioOfPlan(planId);

  useEffect(() => {
    void load(planId);
  }, [planId, load]);

  if (!plan || !state) {
    return (
      <div className="page">
        <FormError message={loadError} />
        {!loadError && <p className="muted">Henter turnusplanen …</p>}
      </div>
    );
  }
  return (
    <div className="page review-page">
      <nav className="crumbs" aria-label="Brødsmuler">
        <a href="#/">Avdelinger</a> › <a href={hrefOf({ name: 'unit', unitId: plan.unitId, tab: 'planer' })}>{plan.file.unit.name}</a>
        {' › '}
        <a href={hrefOf({ name: 'plan', planId })}>{plan.name}</a> › <span>Drøfting og eksport</span>
      </nav>
      <h1>
        {plan.name}{' '}
        <span className={'status status-' + state.status} data-plan-status={state.status}>
          {STATUS_LABEL[state.status]}
        </span>
      </h1>
      <p className="muted">
        {fmtDate(plan.start)} – {fmtDate(plan.end)} · {count(plan.file.employees.length, 'ansatt', 'ansatte')}
        {' · '}
        <a href={hrefOf({ name: 'plan', planId })}>Tilbake til turnusen</a>
      </p>
      {scenario && <ScenarioBanner scenario={scenario} />}
      <nav className="tabs" aria-label="Drøfting og eksport">
        {TABS.map((t) => (
          <a
            key={t.tab}
            href={hrefOf({ name: 'review', planId, tab: t.tab })}
            className={t.tab === tab ? 'tab active' : 'tab'}
            aria-current={t.tab === tab ? 'page' : undefined}
          >
            {t.label}
            {t.tab === 'kommentarer' && openComments > 0 && (
              <span className="rv-count" role="img" aria-label={`${openComments} åpne`}>
                {openComments}
              </span>
            )}
          </a>
        ))}
      </nav>
      {tab === 'status' && <StatusTab />}
      {tab === 'versjoner' && <VersionsTab />}
      {tab === 'kommentarer' && <CommentsTab />}
      {tab === 'eksport' && <ExportTab />}
    </div>
  );
}

/**
 * The links from the plan view to these screens (kept here so the plan view needs one line):
 * drøfting/export, and the comments with the number still open. The comment form starts from
 * the cell marked in the grid.
 */
export function ReviewLink({ planId }: { planId: number }) {
  const [open, setOpen] = useState<PlanComment[] | null>(null);
  useEffect(() => {
    let alive = true;
    api.listComments(planId).then(
      (c) => {
        if (alive) setOpen(c.filter((x) => !x.resolvedAt));
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [planId]);
  // Cells with an open comment get a corner mark in the grid (painted from the grid-marks store).
  useEffect(() => {
    useGridMarks.getState().setMarks(
      'comment',
      (open ?? []).filter((c) => c.employeeId && c.date).map((c) => keyOf(c.employeeId!, c.date!)),
    );
  }, [open]);
  useEffect(() => () => useGridMarks.getState().setMarks('comment', []), []);
  return (
    <>
      <a className="rv-link" href={hrefOf({ name: 'review', planId, tab: 'status' })}>
        Drøfting, versjoner og eksport
      </a>
      {' · '}
      <a
        href={hrefOf({ name: 'review', planId, tab: 'kommentarer' })}
        title="Kommenter vakten som er markert i turnusen, eller se kommentarene"
      >
        Kommentarer{open?.length ? ` (${open.length} åpne)` : ''}
      </a>
    </>
  );
}
