import type { ErrorResponse } from '../../lib/schemas';

/**
 * An answer other than success, with the sentence the member reads. Route handlers and the store
 * throw it; the app turns it into ErrorResponseSchema JSON with the status (and Retry-After).
 */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 503,
    message: string,
    readonly about: Omit<ErrorResponse, 'error'> = {},
    /** Seconds, for 429 and 503. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ErrorResponse {
    return { error: this.message, ...this.about };
  }
}

/** A mutation the server refuses for good: the push is refused whole, naming it. */
export class MutationRefused extends ApiError {
  constructor(status: 403 | 422, message: string, readonly mutation: { mutationId: number; kind?: ErrorResponse['kind']; key?: string }) {
    super(status, message, mutation);
    this.name = 'MutationRefused';
  }
}

/** Errors that mean the database cannot be reached right now (restarting, network gone). */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(error.message);
}

/** Deadlocks and serialization failures: the transaction can simply run again. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}
