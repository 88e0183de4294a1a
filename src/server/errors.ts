/**
 * Domain errors carry a stable code, an HTTP status, a Dutch message for people and the field
 * it concerns. One handler in app.ts turns them into `{ error, message, field }`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** 429 with the wait in seconds, sent as Retry-After as well as in the message. */
export class TooManyAttemptsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('TOO_MANY_ATTEMPTS', 429, message);
  }
}

export function notFound(what: string, field?: string): DomainError {
  return new DomainError('NOT_FOUND', 404, `${what} is niet gevonden.`, field);
}

export function validationFailed(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', 400, message, field);
}

export function conflict(field: string, message: string): DomainError {
  return new DomainError('CONFLICT', 409, message, field);
}

interface PgErrorLike {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

/** The PostgreSQL error under a driver or drizzle wrapper, if there is one. */
export function postgresError(error: unknown): PgErrorLike | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const candidate = current as PgErrorLike;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = postgresError(error);
  return pgError?.code === '23505' && (constraint === undefined || pgError.constraint === constraint);
}
