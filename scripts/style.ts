/** The stylesheet of the exported pages and the index: plain, readable, printable. */
export const PAGE_CSS = `
:root {
  --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --code-bg: #f6f8fa;
  --accent: #0b5cad; --err-bg: #fff1f0; --err: #a40e26; --warn-bg: #fff8e5;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--text); background: #fff;
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
nav.top {
  position: sticky; top: 0; z-index: 10; background: rgba(255,255,255,.95);
  border-bottom: 1px solid var(--line); font-size: 14px;
}
nav.top .bar { max-width: 980px; margin: 0 auto; padding: 8px 24px; display: flex; gap: 16px; align-items: baseline; }
nav.top .home { font-weight: 600; color: var(--text); }
nav.top .spacer { flex: 1; }
main { max-width: 980px; margin: 0 auto; padding: 16px 24px 48px; }
footer { max-width: 980px; margin: 0 auto; padding: 16px 24px 32px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 .6em; }
h1 { font-size: 2em; margin-top: .8em; }
h2 { font-size: 1.5em; padding-bottom: .2em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.2em; }
p, ul, ol, blockquote, table { margin: 0 0 1em; }
blockquote { margin-left: 0; padding: 0 1em; color: var(--muted); border-left: 4px solid var(--line); }
code, pre { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 13.5px; }
:not(pre) > code { background: var(--code-bg); padding: .1em .35em; border-radius: 4px; }
pre { margin: 0; padding: 10px 14px; line-height: 1.45; white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; font-size: 14px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; }
th { background: var(--code-bg); font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafbfc; }
img { max-width: 100%; }
.cell { margin: 0 0 18px; }
.cell.code .source { background: var(--code-bg); border: 1px solid var(--line); border-radius: 6px; }
.cell.code .source pre { padding: 10px 14px; border-top: 1px solid var(--line); }
details.source > summary { cursor: pointer; padding: 6px 12px; color: var(--muted); font-size: 13.5px; list-style-position: inside; }
details.source > summary:hover { color: var(--text); }
header.part { margin: 0 0 20px; padding: 14px 18px; background: #f3f7fc; border: 1px solid #d6e4f5; border-radius: 8px; }
header.part .question { font-size: 1.1em; margin-bottom: .6em; }
header.part .label, nav.toc .label { display: block; font-size: 12px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); margin: 0 0 2px; }
header.part ul.outcomes { margin: 0 0 .6em; }
header.part .meta { margin: 0; color: var(--muted); font-size: 14px; }
nav.toc { margin: 0 0 24px; padding: 10px 18px; border: 1px solid var(--line); border-radius: 8px; font-size: 14.5px; }
nav.toc ul { margin: 0; padding: 0; list-style: none; columns: 2 20em; }
ul.notebooks .question { color: var(--text); margin: 4px 0 0; }
ul.notebooks .meta { font-size: 13px; }
.outputs { margin-top: 6px; padding-left: 12px; border-left: 3px solid var(--line); }
.output { margin: 6px 0; }
.output.stream, .output.text, .output.json { padding: 4px 0; white-space: pre-wrap; word-break: break-word; }
.output.stderr { background: var(--warn-bg); padding: 6px 10px; color: #7a4b00; }
.output.error { background: var(--err-bg); color: var(--err); padding: 8px 12px; border-radius: 4px; white-space: pre-wrap; }
.output.html { overflow-x: auto; }
.output.figure { width: 100%; min-height: 360px; }
.output.figure.failed { min-height: 0; color: var(--err); }
.tok-comment { color: #6e7781; font-style: italic; }
.tok-string { color: #0a3069; }
.tok-number { color: #0550ae; }
.tok-keyword { color: #cf222e; }
ul.notebooks { list-style: none; padding: 0; }
ul.notebooks li { padding: 14px 0; border-bottom: 1px solid var(--line); }
ul.notebooks .title { font-size: 1.15em; font-weight: 600; }
ul.notebooks .file { color: var(--muted); font-size: 13px; margin-left: 8px; }
ul.notebooks p { margin: 4px 0 0; color: var(--muted); }
.cell.instructor-only { border-left: 4px solid #8250df; padding-left: 12px; }
.badges { margin: 0 0 6px; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; line-height: 1.6; padding: 0 8px; border-radius: 10px; color: #fff; background: #8250df; }
.badge.solution { background: #1a7f37; }
nav.top .edition { color: var(--muted); }
ul.editions { list-style: none; padding: 0; }
ul.editions li { padding: 14px 0; border-bottom: 1px solid var(--line); }
ul.editions .title { font-size: 1.15em; font-weight: 600; }
ul.editions p { margin: 4px 0 0; color: var(--muted); }
@media print { nav.top, nav.toc { display: none; } .cell { break-inside: avoid; } }
`;
