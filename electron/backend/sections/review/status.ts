/**
 * Plan status utkast → til drøfting → godkjent (issue 8), with dates, names, the aml § 10-3
 * deadline and a named immutable version saved with every step forward.
 */
import type Database from 'better-sqlite3';
import type { PlanStatus } from '../../../../shared/api/core';
import type { ReviewApi, ReviewState, StatusChange } from '../../../../shared/api/review';
import { formatDateNo, fromDay, osloOffsetAtLocal } from '../../../../shared/calendar';
import type { TurnusPlan } from '../../../../shared/plan/model';
import { droftingDeadline, STATUS_LABEL } from '../../../../shared/review/pack';
import { validation } from '../../errors';
import { getPlanRow, readPlan, setPlanStatus } from '../../store/plans';
import {
  countCellChangesSince,
  insertStatusEvent,
  insertVersion,
  lastApprovedVersionId,
  listVersions,
  logChange,
  statusRecord,
} from '../../store/review';

/** Today's calendar date in Europe/Oslo. */
export function osloToday(now = Date.now()): string {
  const utc = Math.floor(now / 60_000);
  const local = utc + osloOffsetAtLocal(utc + 60);
  return fromDay(Math.floor(local / 1440));
}

/** The aml § 10-3 warning when drøfting comes later than 14 days before the start. */
export function droftingWarning(plan: Pick<TurnusPlan, 'period'>, droftingDate: string): string | null {
  const deadline = droftingDeadline(plan);
  if (droftingDate <= deadline) return null;
  return (
    `Planen ble lagt fram til drøfting ${formatDateNo(droftingDate, false)}, senere enn fristen ${formatDateNo(deadline, false)}: ` +
    'arbeidsplanen skal drøftes med de tillitsvalgte senest to uker før den settes i verk (aml § 10-3).'
  );
}

/** The plan's review state with its warnings. */
export function reviewStateOf(db: Database.Database, planId: number): ReviewState {
  const p = getPlanRow(db, planId);
  const { drofting, godkjent, events } = statusRecord(db, planId, p.status);
  const period = { start: p.start_date, end: p.end_date };
  const deadline = droftingDeadline({ period });
  const warnings: string[] = [];
  if (drofting?.date) {
    const w = droftingWarning({ period }, drofting.date);
    if (w) warnings.push(w);
  } else if (p.status === 'utkast') {
    const today = osloToday();
    if (today > deadline && today <= p.end_date) {
      warnings.push(
        `Fristen for å drøfte planen med de tillitsvalgte var ${formatDateNo(deadline, false)} ` +
          `(senest to uker før start ${formatDateNo(p.start_date, false)}, aml § 10-3).`,
      );
    }
  }
  const last = events.length ? events[events.length - 1] : null;
  if (last && last.status !== 'utkast') {
    const n = countCellChangesSince(db, planId, last.createdAt);
    if (n > 0) {
      warnings.push(
        `${n} ${n === 1 ? 'celle er' : 'celler er'} endret etter at planen ble satt til «${STATUS_LABEL[last.status].toLowerCase()}»` +
          `${last.date ? ` ${formatDateNo(last.date, false)}` : ''}. Endringene står i diffen mot den lagrede versjonen; ` +
          'vesentlige endringer bør drøftes på nytt.',
      );
    }
  }
  return {
    planId,
    status: p.status,
    droftingDate: drofting?.date ?? null,
    droftingNames: drofting?.names ?? [],
    godkjentDate: godkjent?.date ?? null,
    godkjentNames: godkjent?.names ?? [],
    droftingDeadline: deadline,
    warnings,
    history: events,
    versions: listVersions(db, planId),
    lastApprovedVersionId: lastApprovedVersionId(db, planId),
  };
}

function checkChange(db: Database.Database, planId: number, from: PlanStatus, change: StatusChange): void {
  const to = change.status;
  if (to === 'godkjent' && from === 'utkast') {
    throw validation('change.status', 'Planen må legges fram til drøfting med de tillitsvalgte før den kan godkjennes (aml § 10-3).');
  }
  if (to !== 'utkast' && change.names.length === 0) {
    throw validation(
      'change.names',
      to === 'til_drofting'
        ? 'Skriv navnet på minst én tillitsvalgt planen legges fram for.'
        : 'Skriv navnet på minst én som godkjente planen.',
    );
  }
  if (to === 'godkjent') {
    const droftingDate = statusRecord(db, planId, from).drofting?.date;
    if (droftingDate && change.date < droftingDate) {
      throw validation(
        'change.date',
        `Godkjenningsdatoen ${formatDateNo(change.date, false)} er før drøftingen ${formatDateNo(droftingDate, false)}.`,
      );
    }
  }
}

export function statusHandlers(db: Database.Database): Pick<ReviewApi, 'getReviewState' | 'setPlanStatus'> {
  return {
    async getReviewState(planId) {
      return reviewStateOf(db, planId);
    },

    async setPlanStatus(planId, change) {
      return db.transaction(() => {
        // A scenario's own plan (m070) is a variant, not the plan the tillitsvalgte review.
        if (getPlanRow(db, planId).scenario_of !== null) {
          throw validation(
            'change',
            'Et scenario sendes ikke til drøfting og godkjennes ikke. Gjør scenarioet til gjeldende plan først (på scenarioets side), og send så planen til drøfting.',
          );
        }
        const detail = readPlan(db, planId);
        const from = detail.status;
        const to = change.status;
        checkChange(db, planId, from, change);
        setPlanStatus(db, planId, to);
        let versionId: number | null = null;
        if (to !== 'utkast') {
          versionId = insertVersion(
            db,
            planId,
            change.versionName ?? `${STATUS_LABEL[to]} ${formatDateNo(change.date, false)}`,
            to,
            detail.file,
          );
        }
        insertStatusEvent(db, planId, { status: to, date: change.date, names: change.names, note: change.note ?? null, versionId });
        logChange(
          db,
          planId,
          'status',
          `Status: ${STATUS_LABEL[from]} → ${STATUS_LABEL[to]} (${formatDateNo(change.date, false)}` +
            `${change.names.length ? `, ${change.names.join(', ')}` : ''})`,
        );
        return reviewStateOf(db, planId);
      })();
    },
  };
}
