// The reply every mock route returns, and what Spring answers when no route matches. Backends' route
// and envelope modules import it; it knows nothing of node:http.
export interface Reply {
  status: number;
  body: unknown;
}

/** What Spring, behind both real CRMs, answers for a path or method it has no handler for. */
export const noHandler = (status: 404 | 405, path: string): Reply => ({
  status,
  body: { timestamp: new Date().toISOString(), status, error: status === 404 ? 'Not Found' : 'Method Not Allowed', path },
});
