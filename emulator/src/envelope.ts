import type { ApiError, ApiMessage } from './errors';

/** What a handler answers; the server writes it out. */
export interface ApiResponse {
  readonly status: number;
  /** A JSON envelope, or plain text for the export endpoint. */
  readonly body: unknown;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ResultInfo {
  readonly page: number;
  readonly per_page: number;
  readonly count: number;
  readonly total_count: number;
  readonly total_pages: number;
}

/** `{ success: true, errors: [], messages, result }` (semantics.md §2). */
export function success(result: unknown, messages: readonly ApiMessage[] = []): ApiResponse {
  return { status: 200, body: { result, success: true, errors: [], messages } };
}

/** A success envelope with `result_info` for collections. */
export function collection(result: readonly unknown[], resultInfo: ResultInfo): ApiResponse {
  return { status: 200, body: { result, result_info: resultInfo, success: true, errors: [], messages: [] } };
}

/** An envelope without `result` (the scan trigger answers this way). */
export function bare(messages: readonly ApiMessage[] = []): ApiResponse {
  return { status: 200, body: { success: true, errors: [], messages } };
}

/** `{ success: false, errors: [...], messages: [], result: null }` with the error's status. */
export function failure(error: ApiError): ApiResponse {
  return {
    status: error.status,
    body: { result: null, success: false, errors: error.errors, messages: [] },
    headers: error.headers,
  };
}

export function text(body: string): ApiResponse {
  return { status: 200, body, contentType: 'text/plain; charset=utf-8' };
}
