/**
 * The one way the front end talks to the API: cookies go along, state-changing requests carry
 * the session's CSRF token, errors arrive as ApiError with the server's field, and a 401 on an
 * ordinary request hands control to the session (which sends the user to the login page).
 */

export interface ApiFieldError {
  field: string;
  message: string;
}

interface ApiErrorBody {
  error: string;
  message: string;
  field?: string;
  details?: ApiFieldError[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details: readonly ApiFieldError[] = [],
    /** The whole error body, for the answers that say more than code and message (a refused message). */
    readonly body: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field name → message, the named field first, then any further details. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (this.field) out[this.field] = this.message;
    for (const detail of this.details) {
      if (detail.field && !(detail.field in out)) out[detail.field] = detail.message;
    }
    return out;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Headers apiRequest sets itself; a caller's `headers` cannot change them. */
const OWN_HEADERS = new Set(['accept', 'content-type', 'x-csrf-token']);

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an ordinary request answers 401: the session has ended. */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

/** `?a=1&b=x` without the empty values, or '' when nothing remains. */
export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A body sent as it is, with its own content type (an XML document), instead of as JSON. */
export interface RawBody {
  content: Blob | string;
  contentType: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Instead of `body`: sent unchanged. */
  raw?: RawBody;
  /** Further request headers; they cannot replace accept, content type or the CSRF token. */
  headers?: Record<string, string>;
  query?: Query;
  signal?: AbortSignal;
  /** false for the requests where a 401 is an answer, not an ended session (login, session probe). */
  redirectOnUnauthenticated?: boolean;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.error === 'string' && typeof candidate.message === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    const lower = name.toLowerCase();
    if (!OWN_HEADERS.has(lower)) headers[lower] = value;
  }
  headers.accept = 'application/json';
  if (options.raw) headers['content-type'] = options.raw.contentType;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (STATE_CHANGING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  const body = options.raw
    ? options.raw.content
    : options.body === undefined
      ? undefined
      : JSON.stringify(options.body);
  let response: Response;
  try {
    response = await fetch(`${path}${queryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', 'network');
  }
  const payload = await readJson(response);
  if (response.ok) return payload as T;
  if (response.status === 401 && options.redirectOnUnauthenticated !== false) unauthenticatedHandler?.();
  if (isErrorBody(payload)) {
    throw new ApiError(
      response.status,
      payload.error,
      payload.message,
      payload.field,
      payload.details ?? [],
      payload,
    );
  }
  throw new ApiError(response.status, `HTTP_${response.status}`, response.statusText);
}

export function apiGet<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>('GET', path, { query, signal });
}

export function apiPost<T>(path: string, body?: unknown): Promise<T> {
  return apiRequest<T>('POST', path, { body });
}

export function apiPut<T>(path: string, body: unknown): Promise<T> {
  return apiRequest<T>('PUT', path, { body });
}

export interface ListResult<T> {
  items: T[];
  total: number;
}

/** Every page of a list for the current filter, for a download (the API pages by 500 at most). */
export async function fetchAllPages<T>(path: string, query: Query, maxRows = 20_000): Promise<T[]> {
  const limit = 500;
  const rows: T[] = [];
  for (let offset = 0; offset < maxRows; offset += limit) {
    const page = await apiGet<ListResult<T>>(path, { ...query, limit, offset });
    rows.push(...page.items);
    if (page.items.length < limit || rows.length >= page.total) break;
  }
  return rows;
}
