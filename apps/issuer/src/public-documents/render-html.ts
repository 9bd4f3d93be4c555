import { formatPageDate, labelsFor, languageName, type PageLabels } from './page-labels';
import type { PageFact, PageView } from './page-view';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

/** Only http(s) links are rendered as links; anything else (javascript:, data:) is shown as text. */
function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : undefined;
}

function link(url: string, text = url): string {
  const href = safeHref(url);
  return href ? `<a href="${href}" rel="nofollow noopener">${escapeHtml(text)}</a>` : escapeHtml(text);
}

/** Narratives are Markdown; we show them as preformatted text rather than run a renderer on untrusted input. */
function narrative(text: string): string {
  return `<p class="narrative">${escapeHtml(text)}</p>`;
}

function factText(fact: PageFact, labels: PageLabels, lang: string): string {
  if ('code' in fact) return escapeHtml(labels[fact.code]);
  if (fact.value instanceof Date) return escapeHtml(formatPageDate(fact.value, lang));
  return fact.label === 'website' ? link(fact.value) : escapeHtml(fact.value);
}

function previewTags(view: PageView, labels: PageLabels): string[] {
  const meta: string[] = [
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escapeHtml(view.title)}">`,
    `<meta property="og:url" content="${escapeHtml(view.url)}">`,
    `<meta property="og:locale" content="${escapeHtml(view.lang.replace('-', '_'))}">`,
    `<meta name="twitter:card" content="summary">`,
  ];
  if (view.description) {
    meta.push(`<meta name="description" content="${escapeHtml(view.description)}">`);
    meta.push(`<meta property="og:description" content="${escapeHtml(view.description)}">`);
  }
  if (view.imageUrl) {
    meta.push(`<meta property="og:image" content="${escapeHtml(view.imageUrl)}">`);
    meta.push(`<meta property="og:image:alt" content="${escapeHtml(labels.imageOf.replace('{title}', view.title))}">`);
  }
  for (const edition of view.editions ?? []) {
    meta.push(`<link rel="alternate" hreflang="${escapeHtml(edition.lang)}" href="${escapeHtml(edition.url)}">`);
  }
  return meta;
}

/**
 * A small server-rendered page for people who open a badge link in a browser. Every value is
 * escaped; the page loads no script (the CSP header forbids it anyway) and nothing from another
 * site, carries Open Graph tags so a shared link shows the badge, and is labelled in the language
 * of the badge texts it shows (`view.lang`).
 */
export function renderHtml(view: PageView): string {
  const labels = labelsFor(view.lang);
  const body: string[] = [];
  if (view.revoked) {
    body.push(`<p class="revoked" role="alert"><strong>${escapeHtml(labels.revoked)}</strong>${view.revoked.reason ? ` ${escapeHtml(labels.reason)} ${escapeHtml(view.revoked.reason)}` : ''}</p>`);
  }
  body.push('<div class="head">');
  if (view.imageUrl) body.push(`<img src="${escapeHtml(view.imageUrl)}" alt="${escapeHtml(labels.imageOf.replace('{title}', view.title))}" width="200" height="200">`);
  body.push('<div>');
  body.push(`<h1>${escapeHtml(view.title)}</h1>`);
  if (view.issuer) body.push(`<p class="issuer">${escapeHtml(labels.issuedBy)} ${link(view.issuer.url, view.issuer.name)}</p>`);
  if (view.verifyUrl && /^https?:\/\//i.test(view.verifyUrl)) body.push(`<p><a class="button" href="${escapeHtml(view.verifyUrl)}">${escapeHtml(labels.verify)}</a></p>`);
  body.push('</div></div>');
  if (view.description) body.push(`<p class="description">${escapeHtml(view.description)}</p>`);
  if (view.facts?.length) {
    body.push(`<dl>${view.facts.map((fact) => `<dt>${escapeHtml(labels[fact.label])}</dt><dd>${factText(fact, labels, view.lang)}</dd>`).join('')}</dl>`);
  }
  if (view.criteria && (view.criteria.url || view.criteria.narrative)) {
    body.push(`<h2>${escapeHtml(labels.criteria)}</h2>`);
    if (view.criteria.narrative) body.push(narrative(view.criteria.narrative));
    if (view.criteria.url) body.push(`<p>${link(view.criteria.url)}</p>`);
  }
  if (view.alignments?.length) {
    body.push(`<h2>${escapeHtml(labels.alignments)}</h2><ul>`);
    for (const a of view.alignments) {
      body.push(`<li>${link(a.targetUrl, a.targetName)}${a.targetDescription ? ` — ${escapeHtml(a.targetDescription)}` : ''}</li>`);
    }
    body.push('</ul>');
  }
  if (view.evidence?.length) {
    body.push(`<h2>${escapeHtml(labels.evidence)}</h2><ul>`);
    for (const e of view.evidence) {
      body.push(`<li>${e.narrative ? narrative(e.narrative) : ''}${e.url ? link(e.url) : ''}</li>`);
    }
    body.push('</ul>');
  }
  if (view.endorsements?.length) {
    body.push(`<h2>${escapeHtml(labels.endorsements)}</h2><ul class="endorsements">`);
    for (const e of view.endorsements) {
      const who = e.endorserUrl ? link(e.endorserUrl, e.endorserName ?? e.endorserUrl) : escapeHtml(e.endorserName ?? labels.anEndorser);
      body.push(`<li>${who}${e.comment ? `: ${narrative(e.comment)}` : ''} ${link(e.url, labels.endorsement)}</li>`);
    }
    body.push('</ul>');
  }
  const footer: string[] = [];
  if (view.editions?.length) {
    // Named in the reader's language ("Aussi en anglais"), not the edition's own: the sentence around it is the page's.
    const editions = view.editions.map((e) => `<a href="${escapeHtml(e.url)}" hreflang="${escapeHtml(e.lang)}">${escapeHtml(languageName(e.lang, view.lang))}</a>`);
    footer.push(`<p class="editions">${escapeHtml(labels.alsoIn)} ${editions.join(', ')}</p>`);
  }
  const data = view.data ?? { label: 'data', type: 'application/ld+json' };
  footer.push(`<p class="data"><a href="${escapeHtml(view.url)}" type="${escapeHtml(data.type)}">${escapeHtml(labels[data.label])}</a></p>`);
  if (view.alternate) {
    footer.push(`<p class="data"><a href="${escapeHtml(view.alternate.url)}" type="${escapeHtml(view.alternate.type)}">${escapeHtml(labels[view.alternate.label])}</a></p>`);
  }

  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(view.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(view.title)}</title>`,
    ...previewTags(view, labels),
    `<link rel="canonical" href="${escapeHtml(view.url)}">`,
    `<link rel="alternate" type="${escapeHtml(data.type)}" href="${escapeHtml(view.url)}">`,
    ...(view.alternate ? [`<link rel="alternate" type="${escapeHtml(view.alternate.type)}" href="${escapeHtml(view.alternate.url)}">`] : []),
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    `<body><main class="${escapeHtml(view.kind.toLowerCase())}">`,
    ...body,
    '</main>',
    `<footer>${footer.join('')}</footer>`,
    '</body>',
    '</html>',
  ].join('\n');
}

// System fonts, no outside assets; colours meet WCAG AA contrast.
const PAGE_STYLE = [
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2328}',
  '.head{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}.head img{max-width:200px;height:auto}',
  'h1{margin:.25rem 0}a{color:#1d4ed8}.narrative{white-space:pre-wrap}.revoked{color:#a40e26;background:#ffebe9;padding:.5rem .75rem;border-radius:6px}',
  '.button{display:inline-block;padding:.5rem 1rem;border-radius:6px;background:#1d4ed8;color:#fff;text-decoration:none;font-weight:600}',
  'dt{font-weight:600}dd{margin:0 0 .5rem}footer{border-top:1px solid #d0d7de;margin-top:2rem;color:#57606a}',
].join('');
