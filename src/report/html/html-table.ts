import { h } from './escape.js';

export const MAX_LIST_ROWS = 50;

/** A plain table; `rows` hold HTML that the caller has already escaped. */
export function htmlTable(headers: string[], rows: string[][], numeric: number[] = []): string {
  const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
  const head = headers.some(Boolean)
    ? `<thead><tr>${headers.map((x, i) => `<th${cls(i)}>${h(x)}</th>`).join('')}</tr></thead>`
    : '';
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`).join('');
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

export function moreRows(total: number): string {
  return total > MAX_LIST_ROWS ? `<p class="muted">… +${total - MAX_LIST_ROWS}</p>` : '';
}
