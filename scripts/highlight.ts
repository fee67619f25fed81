/**
 * A small TypeScript highlighter for code cells in the exported HTML: comments,
 * strings, numbers and keywords get a class; everything else is escaped text.
 * It is a tokenizer by regular expression, not a parser: good enough for reading.
 */
import { escapeHtml } from './html';

const KEYWORDS = [
  'as', 'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'default', 'do', 'else',
  'export', 'extends', 'false', 'finally', 'for', 'from', 'function', 'if', 'import', 'in', 'instanceof',
  'interface', 'let', 'new', 'null', 'of', 'return', 'switch', 'this', 'throw', 'true', 'try', 'type',
  'typeof', 'undefined', 'var', 'void', 'while', 'yield',
];

const TOKEN = new RegExp(
  [
    String.raw`(\/\/[^\n]*|\/\*[\s\S]*?\*\/)`, // 1 comment
    String.raw`('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|` + '`' + String.raw`(?:[^` + '`' + String.raw`\\]|\\[\s\S])*` + '`)', // 2 string
    String.raw`(\b\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?\b)`, // 3 number
    String.raw`(?<![.\w$])(${KEYWORDS.join('|')})\b`, // 4 keyword (not a property: x.from)
  ].join('|'),
  'g',
);

const CLASSES = ['', 'tok-comment', 'tok-string', 'tok-number', 'tok-keyword'];

export function highlightTypeScript(code: string): string {
  let html = '';
  let last = 0;
  for (const m of code.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    html += escapeHtml(code.slice(last, at));
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    html += `<span class="${CLASSES[group]}">${escapeHtml(m[0])}</span>`;
    last = at + m[0].length;
  }
  return html + escapeHtml(code.slice(last));
}
