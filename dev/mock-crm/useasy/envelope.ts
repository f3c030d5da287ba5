// The replies every Useasy route shares. Success is the documented envelope; errors, which the document
// never shows, use the same envelope with success false, an HTTP-like code string and a message: HTTP
// 401 for a refused signature (as a gateway answers), HTTP 200 for business errors. Mock-only.
import type { Reply } from '../shared/reply';

export type { Reply };

let traceCounter = 0;
/** The newer API version adds a traceId; a counter keeps it unique without randomness. */
const traceId = () => `mock-${(traceCounter += 1).toString(16).padStart(8, '0')}`;

export const ok = (data: unknown): Reply => ({
  status: 200,
  body: { success: true, message: '200 ok!', code: '200', data, traceId: traceId() },
});

const error = (status: number, code: string, message: string): Reply => ({
  status,
  body: { success: false, message, code, data: null, traceId: traceId() },
});

/** The signature, its headers or its timestamp were refused. */
export const unauthorized = (message: string) => error(401, '401', message);
/** The request was understood and refused: a missing or malformed parameter. */
export const invalid = (message: string) => error(200, '400', message);
export const notFound = (message: string) => error(200, '404', message);
export const internalError = () => error(200, '500', '系统异常,请稍后重试');
