import { ApiError } from '../../../shared/api/rpc';

/** A Norwegian message for any thrown value (the API client's errors carry one). */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
