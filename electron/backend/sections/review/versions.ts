/** Named immutable versions of a plan and the diff between any two of them (or the plan now). */
import type Database from 'better-sqlite3';
import type { ReviewApi, VersionRef } from '../../../../shared/api/review';
import type { TurnusPlan } from '../../../../shared/plan/model';
import { analyzePlan } from '../../../../shared/review/analysis';
import { diffPlans } from '../../../../shared/review/diff';
import { notFound } from '../../errors';
import { getPlanRow, readPlan } from '../../store/plans';
import { getVersion, insertVersion, listVersions, logChange } from '../../store/review';

type VersionsApi = Pick<ReviewApi, 'listVersions' | 'createVersion' | 'getVersion' | 'diffPlan'>;

/** The plan file at a version of this plan, or as it is now. */
function planAt(db: Database.Database, planId: number, ref: VersionRef, field: string): TurnusPlan {
  if (ref === 'current') return readPlan(db, planId).file;
  const v = getVersion(db, ref, field);
  if (v.version.planId !== planId) throw notFound('versjonen', ref, field);
  return v.file;
}

export function versionHandlers(db: Database.Database): VersionsApi {
  return {
    async listVersions(planId) {
      getPlanRow(db, planId);
      return listVersions(db, planId);
    },

    async createVersion(planId, name) {
      const id = db.transaction(() => {
        const detail = readPlan(db, planId);
        const vid = insertVersion(db, planId, name.trim(), detail.status, detail.file);
        logChange(db, planId, 'version', `Versjon lagret: «${name.trim()}»`);
        return vid;
      })();
      return getVersion(db, id).version;
    },

    async getVersion(versionId) {
      return getVersion(db, versionId);
    },

    async diffPlan(planId, from, to) {
      getPlanRow(db, planId);
      return diffPlans(planAt(db, planId, from, 'from'), planAt(db, planId, to, 'to'), analyzePlan);
    },
  };
}
