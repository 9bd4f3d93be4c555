const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

export function page(title: string, body: string, head = '', lang = 'en'): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>${head}
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
.badge{display:flex;gap:1rem;align-items:center;border:1px solid #ddd;border-radius:8px;padding:.75rem;margin:.5rem 0}
.badge img{width:96px;height:96px;object-fit:contain}.badge h2{font-size:1.1rem;margin:0}
a{color:#1d4ed8}.button{display:inline-block;margin-top:.25rem;padding:.3rem .8rem;border-radius:6px;background:#1d4ed8;color:#fff;text-decoration:none}</style></head>
<body><main>${body}</main></body></html>`;
}
