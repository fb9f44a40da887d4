/** A response read in full. */
export interface Fetched {
  status: number;
  headers: Headers;
  text: string;
}

/** GETs a URL and reads the whole body. */
export async function get(url: string): Promise<Fetched> {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** GETs a URL and parses the body as JSON. */
export async function getJson<T = Record<string, unknown>>(
  url: string,
): Promise<{ status: number; body: T; headers: Headers }> {
  const { status, text, headers } = await get(url);
  return { status, headers, body: JSON.parse(text) as T };
}

/** Scrapes a /metrics endpoint. */
export async function scrape(managementUrl: string): Promise<string> {
  const { status, text } = await get(`${managementUrl}/metrics`);
  if (status !== 200) throw new Error(`/metrics answered ${status}`);
  return text;
}
