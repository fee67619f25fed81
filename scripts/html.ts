/** Escaping for the exported HTML pages. */

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeHtml(s).replace(/"/g, '&quot;');
}

/** JSON that can sit inside a <script> element: `<` and the JS line separators are escaped. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * JavaScript source that can sit inside a <script> element (no `</script` can close
 * it early), with line ends as the HTML parser leaves them (\n), so that the text the
 * browser hashes for the Content-Security-Policy is exactly this string.
 */
export function scriptSource(js: string): string {
  return js.replace(/\r\n?/g, '\n').replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
