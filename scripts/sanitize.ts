/**
 * The allow-list every piece of notebook-supplied HTML passes through before it
 * reaches an exported page: rendered markdown (cells and `text/markdown` outputs)
 * and `text/html` outputs. It uses the `sanitize-html` library, never a regular
 * expression of our own.
 *
 * Kept: what the course's notebooks and the library's own outputs use — headings,
 * paragraphs, lists (with GFM task boxes), emphasis, code and pre (with a
 * `language-*` class), tables (with GFM `align`, and the `netlab-table` class and
 * text-align/caption-side styles that showTable writes), links to http(s), mailto,
 * relative paths and #anchors, images whose source is a `data:image/...` URI
 * (attachments), blockquote, hr, sub/sup, details/summary.
 *
 * Removed: script, style and link elements, every event-handler attribute,
 * javascript: and other URL schemes, protocol-relative (//host) URLs, remote or
 * relative image sources, iframe/object/embed, forms and their controls, any other
 * inline style (so no url() can fetch), ids and names (so notebook HTML cannot
 * shadow the page's own elements), and any class outside the list above.
 */
import sanitizeHtml from 'sanitize-html';

const ALIGN = [/^(left|right|center)$/];

const POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'div', 'span',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'input',
    'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr', 'q', 'cite',
    'code', 'pre', 'kbd', 'samp', 'var',
    'a', 'img', 'figure', 'figcaption',
    'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'details', 'summary',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    ol: ['start'],
    th: ['align', 'colspan', 'rowspan', 'scope', 'style'],
    td: ['align', 'colspan', 'rowspan', 'style'],
    caption: ['style'],
    details: ['open'],
    input: ['type', 'checked', 'disabled'],
    abbr: ['title'],
    table: ['class'],
    code: ['class'],
  },
  allowedClasses: {
    table: ['netlab-table'],
    code: [/^language-[\w-]+$/],
  },
  allowedStyles: {
    th: { 'text-align': ALIGN },
    td: { 'text-align': ALIGN },
    caption: { 'text-align': ALIGN, 'caption-side': [/^(top|bottom)$/] },
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // An image may only show what the page carries itself: a data:image URI.
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: src !== undefined && /^data:image\/[\w.+-]+[;,]/i.test(src) ? { src, ...rest } : rest };
    },
    // A link leaves the page without telling the next site where it came from.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
  // Only GFM's read-only task boxes survive as inputs.
  exclusiveFilter: (frame) => frame.tag === 'input' && !(frame.attribs.type === 'checkbox' && 'disabled' in frame.attribs),
};

/** `html` with everything outside the allow-list removed (see the module header). */
export function sanitizeNotebookHtml(html: string): string {
  return sanitizeHtml(html, POLICY);
}
