import { type Mock, vi } from 'vitest';

/** A request the page sent, as the server would read it. */
export interface SentRequest {
  method: string;
  url: string;
  body: unknown;
}

/** An answer: a status and a JSON body (none for 204). */
export interface Answer {
  status?: number;
  json?: unknown;
}

type Route = Answer | ((request: SentRequest) => Answer);

/**
 * Stands in for the server at the page's one way out, `fetch`: `routes` answer by
 * "METHOD /path" (the path without its query); anything else is a 404 in the server's shape.
 */
export function fakeServer(routes: Record<string, Route>): {
  requests: SentRequest[];
  writes: () => SentRequest[];
  fetch: Mock;
} {
  const requests: SentRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body;
    const request = { method, url, body };
    requests.push(request);
    const route = routes[`${method} ${url.split('?')[0]}`];
    const answer: Answer = route
      ? typeof route === 'function'
        ? route(request)
        : route
      : { status: 404, json: { error: { code: 'http.not_found', message: 'Không tìm thấy' } } };
    const status = answer.status ?? 200;
    return new Response(answer.json === undefined ? null : JSON.stringify(answer.json), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return { requests, writes: () => requests.filter((r) => r.method !== 'GET'), fetch };
}

/** A refusal in the server's shape. */
export const refusal = (status: number, code: string, message: string): Answer => ({
  status,
  json: { error: { code, message } },
});
