import type { PageView } from './page-view';

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

/**
 * A small server-rendered page for people who open a badge link in a browser. Every value is
 * escaped; the page loads no script (the CSP header forbids it anyway) and carries Open Graph
 * tags so a shared link shows the badge.
 */
export function renderHtml(view: PageView): string {
  const meta: string[] = [
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escapeHtml(view.title)}">`,
    `<meta property="og:url" content="${escapeHtml(view.url)}">`,
  ];
  if (view.description) {
    meta.push(`<meta name="description" content="${escapeHtml(view.description)}">`);
    meta.push(`<meta property="og:description" content="${escapeHtml(view.description)}">`);
  }
  if (view.imageUrl) meta.push(`<meta property="og:image" content="${escapeHtml(view.imageUrl)}">`);
  for (const edition of view.editions ?? []) {
    meta.push(`<link rel="alternate" hreflang="${escapeHtml(edition.lang)}" href="${escapeHtml(edition.url)}">`);
  }

  const body: string[] = [];
  if (view.revoked) {
    body.push(`<p class="revoked"><strong>This badge has been revoked.</strong>${view.revoked.reason ? ` Reason: ${escapeHtml(view.revoked.reason)}` : ''}</p>`);
  }
  if (view.imageUrl) body.push(`<img src="${escapeHtml(view.imageUrl)}" alt="${escapeHtml(view.title)}" width="200">`);
  body.push(`<h1>${escapeHtml(view.title)}</h1>`);
  if (view.issuer) body.push(`<p class="issuer">Issued by ${link(view.issuer.url, view.issuer.name)}</p>`);
  if (view.description) body.push(`<p class="description">${escapeHtml(view.description)}</p>`);
  if (view.facts?.length) {
    body.push(`<dl>${view.facts.map((fact) => `<dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd>`).join('')}</dl>`);
  }
  if (view.criteria && (view.criteria.url || view.criteria.narrative)) {
    body.push('<h2>Criteria</h2>');
    if (view.criteria.narrative) body.push(narrative(view.criteria.narrative));
    if (view.criteria.url) body.push(`<p>${link(view.criteria.url)}</p>`);
  }
  if (view.alignments?.length) {
    body.push('<h2>Alignments</h2><ul>');
    for (const a of view.alignments) {
      body.push(`<li>${link(a.targetUrl, a.targetName)}${a.targetDescription ? ` — ${escapeHtml(a.targetDescription)}` : ''}</li>`);
    }
    body.push('</ul>');
  }
  if (view.evidence?.length) {
    body.push('<h2>Evidence</h2><ul>');
    for (const e of view.evidence) {
      body.push(`<li>${e.narrative ? narrative(e.narrative) : ''}${e.url ? link(e.url) : ''}</li>`);
    }
    body.push('</ul>');
  }
  if (view.endorsements?.length) {
    body.push('<h2>Endorsements</h2><ul class="endorsements">');
    for (const e of view.endorsements) {
      const who = e.endorserUrl ? link(e.endorserUrl, e.endorserName ?? e.endorserUrl) : escapeHtml(e.endorserName ?? 'An endorser');
      body.push(`<li>${who}${e.comment ? `: ${narrative(e.comment)}` : ''} ${link(e.url, 'Endorsement')}</li>`);
    }
    body.push('</ul>');
  }
  if (view.editions?.length) {
    body.push(`<p class="editions">Also in: ${view.editions.map((e) => link(e.url, e.lang)).join(', ')}</p>`);
  }
  body.push(`<p class="data"><a href="${escapeHtml(view.url)}" type="application/ld+json">Open Badges 2.0 data (JSON-LD)</a></p>`);

  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(view.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(view.title)}</title>`,
    ...meta,
    `<link rel="alternate" type="application/ld+json" href="${escapeHtml(view.url)}">`,
    '<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}.narrative{white-space:pre-wrap}.revoked{color:#a00}</style>',
    '</head>',
    `<body><main class="${escapeHtml(view.kind.toLowerCase())}">`,
    ...body,
    '</main></body>',
    '</html>',
  ].join('\n');
}
