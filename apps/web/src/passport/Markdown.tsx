import { useMemo } from 'react';

import { renderMarkdown } from './markdown';

/** Issuer-written Markdown (criteria), rendered and sanitised by renderMarkdown. */
export function Markdown({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
