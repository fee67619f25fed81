/**
 * The header of a part's page and its entry on the index: the question the part
 * answers, what the reader can do afterwards, the reading time and the parts it
 * builds on. The question, outcomes and prerequisites come from the notebook's
 * metadata, `"netlab": { "question", "outcomes": [...], "buildsOn": ["02a-….ipynb"] }`;
 * the reading time is estimated from the executed notebook (readability.ts).
 */
import { escapeAttr, escapeHtml } from './html';
import { notebookName, type Notebook } from './notebook';
import { readingMinutes } from './readability';

/** What the notebook's `metadata.netlab` says of its part. */
export interface PartMetadata {
  question: string;
  outcomes: string[];
  /** File names of the notebooks it builds on. */
  buildsOn: string[];
}

/** A part's header, ready to render. */
export interface PartHeader {
  question: string;
  outcomes: string[];
  readingMinutes: number;
  /** Links to the parts it builds on, relative to the page. */
  buildsOn: { href: string; title: string }[];
}

const KEYS = ['question', 'outcomes', 'buildsOn'];

/** The notebook's `metadata.netlab`, checked; null when it has none. Throws naming the notebook and key when malformed. */
export function partMetadata(nb: Notebook, file: string): PartMetadata | null {
  const raw = nb.metadata?.netlab;
  if (raw === undefined) return null;
  const where = `${file}: metadata.netlab`;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new TypeError(`${where} must be an object { question, outcomes, buildsOn }`);
  const m = raw as Record<string, unknown>;
  for (const key of Object.keys(m)) if (!KEYS.includes(key)) throw new TypeError(`${where} has unknown key "${key}"; known keys: ${KEYS.join(', ')}`);
  if (typeof m.question !== 'string' || m.question.trim() === '') throw new TypeError(`${where}.question must be a non-empty string`);
  const strings = (key: 'outcomes' | 'buildsOn'): string[] => {
    const v = m[key] ?? [];
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '')) throw new TypeError(`${where}.${key} must be an array of non-empty strings`);
    return v as string[];
  };
  return { question: m.question, outcomes: strings('outcomes'), buildsOn: strings('buildsOn') };
}

/** The header of an executed notebook, linking prerequisites by `titles` (file name → title); null without metadata. */
export function partHeader(nb: Notebook, file: string, titles: ReadonlyMap<string, string>): PartHeader | null {
  const meta = partMetadata(nb, file);
  if (meta === null) return null;
  return {
    question: meta.question,
    outcomes: meta.outcomes,
    readingMinutes: readingMinutes(nb),
    buildsOn: meta.buildsOn.map((f) => ({ href: `${notebookName(f)}.html`, title: titles.get(notebookName(f)) ?? notebookName(f) })),
  };
}

/** The header as HTML (all text escaped). */
export function renderPartHeader(h: PartHeader): string {
  const outcomes = h.outcomes.length > 0 ? `<p class="label">After this part you can</p>\n<ul class="outcomes">${h.outcomes.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>\n` : '';
  const builds = h.buildsOn.length > 0
    ? ` · Builds on ${h.buildsOn.map((b) => `<a href="${escapeAttr(b.href)}">${escapeHtml(b.title)}</a>`).join(', ')}`
    : ' · Builds on nothing earlier';
  return `<header class="part">
<p class="question"><span class="label">The question</span> ${escapeHtml(h.question)}</p>
${outcomes}<p class="meta">About ${h.readingMinutes} min to read${builds}</p>
</header>`;
}
