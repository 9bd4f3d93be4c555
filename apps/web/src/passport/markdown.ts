import DOMPurify from 'dompurify';
import { Marked } from 'marked';

// Criteria are written by issuers, in Markdown (docs/decisions/0037). Raw HTML in them is shown as
// text, not markup: it was typed, so the reader sees what was typed, and nothing of it runs.
const markdown = new Marked({
  gfm: true,
  breaks: true,
  renderer: { html: ({ text }) => escapeHtml(text) },
});

// What Markdown makes, and nothing that loads or runs: no images (they would tell any host who
// reads the badge), no forms, no styles; links only to http(s) and mailto.
const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];
const SAFE_LINK = /^(https?:|mailto:)/i;

/** Markdown as sanitised HTML, for `dangerouslySetInnerHTML` (see Markdown.tsx). */
export function renderMarkdown(text: string): string {
  const html = markdown.parse(text, { async: false });
  const clean = DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ['href', 'title', 'align'], RETURN_DOM_FRAGMENT: true });
  for (const link of clean.querySelectorAll('a')) {
    const href = link.getAttribute('href') ?? '';
    if (!SAFE_LINK.test(href)) link.removeAttribute('href');
    else link.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  const holder = document.createElement('div');
  holder.append(clean);
  return holder.innerHTML;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
