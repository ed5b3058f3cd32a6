/**
 * Errors with a stable code and a Norwegian message for the user. The dispatcher turns them
 * into the RpcResult envelope `{ ok: false, error: { code, message, field } }`.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNKNOWN_METHOD'
  | 'FORBIDDEN'
  | 'INTERNAL'
  | 'DB_FROM_FUTURE'
  | 'DB_DAMAGED'
  | 'DB_FOREIGN'
  | 'DB_READONLY'
  | 'DB_LOCKED'
  | 'DB_CANNOT_OPEN'
  | (string & {});

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
}

export function validation(field: string, message: string): DomainError {
  return new DomainError('VALIDATION', message, field);
}

export function notFound(what: string, id: number | string, field?: string): DomainError {
  return new DomainError('NOT_FOUND', `Fant ikke ${what} med id ${id}.`, field);
}

/** A RangeError from the pure core («field: message») as a validation error under `field`; anything else as it is. */
export function rethrowRange(e: unknown, field: string): never {
  if (e instanceof RangeError) {
    const m = /^([\w.[\]]+): (.*)$/s.exec(e.message);
    throw validation(m ? `${field}.${m[1]}` : field, m ? m[2].charAt(0).toUpperCase() + m[2].slice(1) : e.message);
  }
  throw e;
}
