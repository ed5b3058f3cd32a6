/**
 * The Curtois & Qu nurse rostering benchmark (Instance1..24), as parsed from the plain-text format
 * of https://www.schedulingbenchmarks.org/nrp/instances1_24.html.
 */

export interface CurtoisShift {
  id: string;
  minutes: number;
  /** Shift ids that may not be assigned on the day after this shift. */
  forbiddenNext: string[];
}

export interface CurtoisStaff {
  id: string;
  /** Max number of shifts per shift type id (a type missing here has no limit). */
  maxShifts: Record<string, number>;
  maxTotalMinutes: number;
  minTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
}

export interface CurtoisRequest {
  employee: string;
  day: number;
  shift: string;
  weight: number;
}

export interface CurtoisCover {
  day: number;
  shift: string;
  requirement: number;
  weightUnder: number;
  weightOver: number;
}

export interface CurtoisInstance {
  /** Number of days; day 0 is a Monday. */
  horizon: number;
  shifts: CurtoisShift[];
  staff: CurtoisStaff[];
  /** Fixed days off per staff id. */
  daysOff: Record<string, number[]>;
  shiftOnRequests: CurtoisRequest[];
  shiftOffRequests: CurtoisRequest[];
  cover: CurtoisCover[];
}

/** A roster: per staff id, one entry per day, a shift id or '' for a day off. */
export type CurtoisRoster = Record<string, string[]>;
