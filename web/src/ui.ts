/** Small DOM helpers the views share: element building, the error banner, paging, timing. */
import { ApiError } from './api.ts';
import { errorMessage, t } from './i18n.ts';

export function el(tag: string, attrs: Record<string, string> = {}, children: (Node | string)[] = []): HTMLElement {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

let banner: HTMLElement | undefined;
export const setBanner = (node: HTMLElement) => (banner = node);

/** Shows an API error in both languages in the page's one alert region; the code is kept for tests. */
export function showError(error: unknown): void {
  const code = error instanceof ApiError ? error.code : 'INTERNAL_SERVER_ERROR';
  const detail = error instanceof Error ? error.message : String(error);
  if (!banner) return;
  banner.hidden = false;
  banner.dataset.code = code;
  banner.textContent = errorMessage(code, detail);
  if (!(error instanceof ApiError)) console.warn(error);
}

export function clearError(): void {
  if (!banner) return;
  banner.hidden = true;
  banner.textContent = '';
  delete banner.dataset.code;
}

export interface Page<T> {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every row of a Relay connection, page after page (the service caps a page at 1,000). */
export async function allPages<T>(fetchPage: (after: string | null) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<T> = await fetchPage(after);
    rows.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) return rows;
    after = page.pageInfo.endCursor;
  }
}

export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

export function table(headers: string[], rows: (string | number)[][], testid: string): HTMLElement {
  return el('div', { class: 'table-wrap' }, [
    el('table', { 'data-testid': testid }, [
      el('thead', {}, [el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, [h])))]),
      // Each cell carries its column's name: on a narrow screen a row becomes a card of labelled lines.
      el('tbody', {}, rows.length === 0
        ? [el('tr', { class: 'empty' }, [el('td', { colspan: String(headers.length) }, [t('none')])])]
        : rows.map((r) => el('tr', {}, r.map((c, i) => el('td', { 'data-label': headers[i] ?? '' }, [String(c)]))))),
    ]),
  ]);
}

export const fmt = (n: number | null | undefined, digits = 3): string => (n === null || n === undefined || Number.isNaN(n) ? '—' : Number(n).toFixed(digits));
