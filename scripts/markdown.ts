/**
 * Markdown cells to HTML with `marked` (GitHub-flavoured). Links to other
 * notebooks (`01-osi-fault-map.ipynb`) point at their exported pages, and images
 * attached to the cell (`attachment:name.png`) become data URIs. The HTML goes
 * through the allow-list of sanitize.ts, since markdown may carry raw HTML.
 */
import { marked, type Token } from 'marked';
import { sanitizeNotebookHtml } from './sanitize';

export function renderMarkdown(source: string, attachments: Record<string, Record<string, string>> = {}): string {
  const tokens = marked.lexer(source, { gfm: true });
  marked.walkTokens(tokens, (token: Token) => {
    if (token.type === 'link') token.href = notebookLinkToPage(token.href);
    if (token.type === 'image' && token.href.startsWith('attachment:')) {
      const bundle = attachments[token.href.slice('attachment:'.length)];
      const mime = bundle && Object.keys(bundle).find((m) => m.startsWith('image/'));
      if (bundle && mime) token.href = `data:${mime};base64,${String(bundle[mime]).replace(/\s/g, '')}`;
    }
  });
  return sanitizeNotebookHtml(marked.parser(tokens, { gfm: true }));
}

/** `x.ipynb` and `x.ipynb#part`, when relative, become `x.html` and `x.html#part`. */
export function notebookLinkToPage(href: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) return href;
  return href.replace(/\.ipynb(?=$|[#?])/, '.html');
}
