// The mock CRM's control API, as tests and benchmarks use it: request counts, faults, resets.

export async function requestCounts(mockUrl: string): Promise<Record<string, number>> {
  const response = await fetch(`${mockUrl}/__control/requests`);
  const body = (await response.json()) as { counts: Record<string, number> };
  return body.counts;
}

export async function control(mockUrl: string, path: string, body: unknown = {}): Promise<void> {
  const response = await fetch(`${mockUrl}/__control/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`The mock refused ${path}: HTTP ${response.status}`);
}
