import { EMAIL_LANGUAGES, type EmailLanguage } from '../templates/default-templates';
import type { OutgoingEmail } from './mailer';

/** A built-in text email in one language: its subject and its lines. */
export interface Words {
  subject: string;
  lines: string[];
}

/** A subject is one header line, whatever a name in it holds. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

/**
 * A text email from one language's words, or from several one after the other (the subjects
 * joined by " / ", the texts by a rule) for a reader whose language we do not know.
 */
export function writtenEmail(words: Words | readonly Words[], to: string, deliveryId: string): OutgoingEmail {
  const parts = Array.isArray(words) ? words : [words as Words];
  return {
    deliveryId,
    to,
    subject: oneLine(parts.map((part) => part.subject).join(' / ')),
    text: `${parts.map((part) => part.lines.join('\n')).join('\n\n---\n\n')}\n`,
    html: null,
  };
}

/** The words in the reader's language, or in every language we write, one after the other, when we do not know theirs. */
export function wordsIn<Payload>(texts: Record<EmailLanguage, (payload: Payload) => Words>, payload: Payload, language: EmailLanguage | undefined): Words[] {
  return (language ? [language] : EMAIL_LANGUAGES).map((lang) => texts[lang](payload));
}
