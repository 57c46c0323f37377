// Small builders for the HTML report; every argument named `html` is already escaped.
import { esc } from './format.js';
export const table = (headers: readonly string[], rows: readonly (readonly string[])[], cls = ''): string =>
  `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map(tr).join('')}</tbody></table>`;

/** One row; a cell that is not already a `<td ...>` is wrapped in one. */
export const tr = (cells: readonly string[]): string => `<tr>${cells.map((c) => (c.startsWith('<td') ? c : `<td>${c}</td>`)).join('')}</tr>`;

export const num = (html: string) => `<td class="num">${html}</td>`;
export const section = (id: string, title: string, ...html: string[]) => `<section id="${id}"><h2>${title}</h2>${html.join('')}</section>`;
export const p = (html: string, cls = '') => `<p${cls ? ` class="${cls}"` : ''}>${html}</p>`;
export const ul = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;

export function verdictHtml(met: boolean | null, text: string): string {
  return `<span class="${met === null ? 'unknown' : met ? 'met' : 'missed'}">${esc(text)}</span>`;
}

/** A two-column key/value table without a header row. */
export const kvTable = (rows: readonly (readonly [string, string])[]): string =>
  `<table class="kv"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
