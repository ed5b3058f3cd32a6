/**
 * API section: Ferieønsker (vacation wishes) of a plan, for step 2 of the Askermodellen order of
 * work. The backend only stores the wishes; the renderer lays or clears the FE cells itself
 * (through setCells) when the department head approves or rejects one.
 * Add methods to the interface and to WISH_METHODS together; shared/api.ts composes the
 * sections into TurnusApi. WISH_ARGS holds the zod argument schema of every method.
 */
import { z } from 'zod';
import { sig, zDate, zId, type Signatures } from './args';

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
}

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
  setWishStatus(wishId: number, status: WishStatus): Promise<VacationWish>;
  deleteWish(wishId: number): Promise<void>;
}

export const WISH_METHODS = ['listWishes', 'addWish', 'setWishStatus', 'deleteWish'] as const satisfies readonly (keyof WishesApi)[];

export const zWishStatus = z.enum(['onsket', 'godkjent', 'avslatt'], { error: 'må være onsket, godkjent eller avslatt' });

export const zNewVacationWish = z.object({
  employeeId: z.string({ error: 'må være en ansatt-id (tekst)' }).regex(/^[1-9][0-9]*$/, 'må være en ansatt-id'),
  start: zDate,
  end: zDate,
  status: zWishStatus.optional(),
  note: z.string().trim().max(200, 'kan ha høyst 200 tegn').optional(),
}).refine((w) => w.end >= w.start, { message: 'siste dag kan ikke være før første dag', path: ['end'] });

export const WISH_ARGS: Signatures<WishesApi> = {
  listWishes: sig(['planId', zId]),
  addWish: sig(['planId', zId], ['wish', zNewVacationWish]),
  setWishStatus: sig(['wishId', zId], ['status', zWishStatus]),
  deleteWish: sig(['wishId', zId]),
};
