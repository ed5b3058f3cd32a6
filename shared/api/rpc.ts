/**
 * The RPC envelope shared by both transports. The dispatcher always answers with an RpcResult
 * (never throws), with JSON semantics on both paths, so the browser mode behaves exactly like
 * the Electron app (see docs/architecture.md, "one dispatcher").
 */
import { API_METHODS, type TurnusApi } from './index';

export interface RpcError {
  /** Stable machine code, e.g. VALIDATION, NOT_FOUND, CONFLICT, UNKNOWN_METHOD, INTERNAL. */
  code: string;
  /** A Norwegian message for the user that names the field or line. */
  message: string;
  /** The offending field path, when known (e.g. 'employees[2].position'). */
  field?: string;
}

export type RpcResult = { ok: true; result: unknown } | { ok: false; error: RpcError };

export type Transport = (method: string, args: unknown[]) => Promise<RpcResult>;

/** An error the UI can show as it is. */
export class ApiError extends Error {
  readonly code: string;
  readonly field?: string;
  constructor(error: RpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.field = error.field;
  }
}

/** Builds the typed client over a transport. */
export function createClient(transport: Transport): TurnusApi {
  const client: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    client[method] = async (...args: unknown[]) => {
      const res = await transport(method, args);
      if (!res.ok) throw new ApiError(res.error);
      return res.result;
    };
  }
  return client as unknown as TurnusApi;
}
