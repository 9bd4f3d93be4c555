import type { PageLabels } from './page-labels';

/**
 * Facts shown as a definition list; their labels are translated by the page (page-labels.ts).
 * A coded fact shows the translation of its code (`verification: signed`), so a new enumerated
 * fact needs only its words in page-labels.ts.
 */
export type PageFact =
  | { label: 'issuedOn' | 'expires'; value: Date }
  | { label: 'website' | 'contact'; value: string }
  | { label: keyof PageLabels; code: keyof PageLabels };

/** A machine-readable form of what the page shows: its label (page-labels.ts) and media type. */
export interface PageDataLink {
  label: 'data' | 'credentialData';
  type: string;
}

/** What the HTML page of a public document shows; filled from the same rows as the JSON-LD. */
export interface PageView {
  /** BCP 47 language of the texts, for `<html lang>`. */
  lang: string;
  kind: 'Issuer' | 'BadgeClass' | 'Assertion';
  title: string;
  description?: string;
  /** The document's own URL (canonical, og:url, the JSON-LD alternate link). */
  url: string;
  imageUrl?: string;
  issuer?: { name: string; url: string };
  criteria?: { url?: string; narrative?: string };
  alignments?: { targetName: string; targetUrl: string; targetDescription?: string }[];
  evidence?: { url?: string; narrative?: string }[];
  facts?: PageFact[];
  /** Assertions: the web app's verifier on this document (`/verify?url=`). */
  verifyUrl?: string;
  /** Other editions of the same document (translations). */
  editions?: { lang: string; url: string }[];
  revoked?: { reason?: string };
  /** Live endorsements of the entity (the assertion page lists only its own, not its badge class's). */
  endorsements?: { url: string; endorserName?: string; endorserUrl?: string; comment?: string }[];
  /** What `url` answers to a machine; absent: the OB 2.0 JSON-LD. */
  data?: PageDataLink;
  /** The same award in its other Open Badges form (decision 0048): the 2.0 assertion and the 3.0 credential link each other. */
  alternate?: PageDataLink & { url: string };
}
