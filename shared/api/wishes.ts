/**
 * API section: Ferieønsker (vacation wishes) and timed activities (meetings, courses) of a plan,
 * steps 2 and 3 of the Askermodellen order of work. Approving a wish lays its FE cells in the
 * same transaction and stores the cells it replaced with the wish; rejecting, editing or deleting
 * an approved wish puts them back (cells the user has changed since are left alone).
 * Add methods to the interface and to WISH_METHODS together; shared/api.ts composes the
 * sections into TurnusApi. WISH_ARGS holds the zod argument schema of every method.
 */
import { z } from 'zod';
import { LIMITS } from '../plan/limits';
import { sig, zCode, zDate, zId, zTime, type Signatures } from './args';

/** ønsket = requested, godkjent = approved (FE laid in the plan), avslått = rejected. */
export type WishStatus = 'onsket' | 'godkjent' | 'avslatt';

export interface VacationWish {
  id: number;
  planId: number;
  /** Employee id as in the plan file (String(database id)). */
  employeeId: string;
  /** First and last day of the wish, inclusive ('yyyy-MM-dd'). */
  start: string;
  end: string;
  status: WishStatus;
  note?: string;
  /** Set when the wish runs outside the plan period: what this plan takes of it (Norwegian). */
  clipped?: string;
  /** Approved wishes: how many cells the approval replaced (put back on reject). */
  replacedCells?: number;
}

/** A timed meeting or course (plan file `activities`). */
export interface PlanActivityRow {
  id: number;
  planId: number;
  /** MØTE, KURS or another absence code of the unit. */
  code: string;
  date: string;
  /** 'HH:mm'; an end not after the start is the next day. */
  start: string;
  end: string;
  /** Employee ids (plan-file form) or 'all'. */
  employees: string[] | 'all';
  note?: string;
}

export type NewPlanActivity = Omit<PlanActivityRow, 'id' | 'planId'>;

export interface NewVacationWish {
  employeeId: string;
  start: string;
  end: string;
  status?: WishStatus;
  note?: string;
}

export interface WishesApi {
  /** The plan's wishes ordered by start date. */
  listWishes(planId: number): Promise<VacationWish[]>;
  /** Stores a wish (status 'onsket' unless given). end ≥ start; the employee must belong to the plan's unit. */
  addWish(planId: number, wish: NewVacationWish): Promise<VacationWish>;
  /**
   * 'godkjent' lays FE on the wish's days in the period (replacing what was planned, remembered);
   * leaving 'godkjent' puts the replaced cells back. One transaction.
   */
  setWishStatus(wishId: number, status: WishStatus): Promise<VacationWish>;
  /** Approves several wishes of one plan in ONE transaction (all or none). */
  approveWishes(wishIds: number[]): Promise<VacationWish[]>;
  /** Changes a wish; an approved one is taken out and laid again with the new days. */
  updateWish(wishId: number, wish: NewVacationWish): Promise<VacationWish>;
  /** Deletes a wish; an approved one first puts the replaced cells back. */
  deleteWish(wishId: number): Promise<void>;

  /** The plan's timed meetings and courses by date. */
  listActivities(planId: number): Promise<PlanActivityRow[]>;
  addActivity(planId: number, activity: NewPlanActivity): Promise<PlanActivityRow>;
  deleteActivity(activityId: number): Promise<void>;
}

export const WISH_METHODS = [
  'listWishes',
  'addWish',
  'setWishStatus',
  'approveWishes',
  'updateWish',
  'deleteWish',
  'listActivities',
  'addActivity',
  'deleteActivity',
] as const satisfies readonly (keyof WishesApi)[];

export const zWishStatus = z.enum(['onsket', 'godkjent', 'avslatt'], { error: 'må være onsket, godkjent eller avslatt' });

export const zNewVacationWish = z
  .object({
    employeeId: z.string({ error: 'må være en ansatt-id (tekst)' }).regex(/^[1-9][0-9]*$/, 'må være en ansatt-id'),
    start: zDate,
    end: zDate,
    status: zWishStatus.optional(),
    note: z.string().trim().max(200, 'kan ha høyst 200 tegn').optional(),
  })
  .refine((w) => w.end >= w.start, { message: 'siste dag kan ikke være før første dag', path: ['end'] });

const zEmployeeId = z.string({ error: 'må være en ansatt-id (tekst)' }).regex(/^[1-9][0-9]*$/, 'må være en ansatt-id');

export const zNewPlanActivity = z
  .object({
    code: zCode,
    date: zDate,
    start: zTime,
    end: zTime,
    employees: z.union(
      [z.literal('all'), z.array(zEmployeeId).min(1, 'velg minst én ansatt, eller «Alle ansatte»').max(LIMITS.employeesPerCallMax)],
      {
        error: 'må være «alle» eller en liste med ansatte',
      },
    ),
    note: z.string().trim().max(200, 'kan ha høyst 200 tegn').optional(),
  })
  .refine((a) => a.end !== a.start, { message: 'slutt kan ikke være lik start', path: ['end'] });

export const WISH_ARGS: Signatures<WishesApi> = {
  listWishes: sig(['planId', zId]),
  addWish: sig(['planId', zId], ['wish', zNewVacationWish]),
  setWishStatus: sig(['wishId', zId], ['status', zWishStatus]),
  approveWishes: sig(['wishIds', z.array(zId, { error: 'må være en liste med ønsker' }).min(1, 'velg minst ett ønske').max(500)]),
  updateWish: sig(['wishId', zId], ['wish', zNewVacationWish]),
  deleteWish: sig(['wishId', zId]),
  listActivities: sig(['planId', zId]),
  addActivity: sig(['planId', zId], ['activity', zNewPlanActivity]),
  deleteActivity: sig(['activityId', zId]),
};
