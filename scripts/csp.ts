/**
 * The Content-Security-Policy of the exported pages, as the first element of each
 * page's <head>. It forbids every request: nothing is fetched, framed, posted or
 * loaded from anywhere, the page's own file included; images only from data: and
 * blob: URIs (plotly draws heatmaps to a canvas and shows them as data: images).
 * Scripts run only when their exact text was hashed into the policy at export, so
 * the page's own inline scripts run and nothing a notebook smuggles in does; the
 * hashes depend only on the script text, so exporting twice gives identical pages.
 * Inline styles are allowed: plotly styles its SVG and inserts CSS rules itself.
 */
import { createHash } from 'crypto';

/** The CSP source expression of an inline script whose text is exactly `source`: `'sha256-…'`. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** The policy allowing exactly the inline scripts whose texts are `scripts` (none: no script at all). */
export function contentSecurityPolicy(scripts: readonly string[]): string {
  const scriptSrc = scripts.length === 0 ? "'none'" : [...new Set(scripts.map(scriptHash))].join(' ');
  return [
    "default-src 'none'",
    `script-src ${scriptSrc}`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    "font-src 'none'",
    "connect-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The <meta> element carrying the policy; it goes first in <head>. */
export function cspMeta(scripts: readonly string[]): string {
  return `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(scripts)}">`;
}
