// UI sentences that carry CRM-supplied strings (a customer's nickname, an agent's, a stage's or a label
// group's name): each such string is rendered inside <bdi>, so a right-to-left mark or override in it
// (U+202E) cannot reorder the sentence around it. Components and the pages' glue import it.
import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';

type MessageKey = Parameters<typeof t>[0];

/** A translated sentence: plain text for attributes (aria-label), and the view with its CRM strings isolated. */
export interface Sentence {
  text: string;
  view: ComponentChildren;
}

// Private-use characters no translation contains: they mark where each substitution lands.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = new RegExp(`${OPEN}(\\d+)${CLOSE}`);

/** `t(key, substitutions)` with every substitution isolated from the sentence's direction. */
export function sentence(key: MessageKey, substitutions: string | string[]): Sentence {
  const values = Array.isArray(substitutions) ? substitutions : [substitutions];
  const marked = t(
    key,
    values.map((_, index) => `${OPEN}${index}${CLOSE}`),
  );
  const pieces = marked.split(MARKER);
  const view = pieces.map((piece, index) => (index % 2 === 0 ? piece : <bdi key={index}>{values[Number(piece)]}</bdi>));
  return { text: t(key, values), view };
}

/** What to show for a question or message given as plain text or as a Sentence. */
export const viewOf = (value: string | Sentence): ComponentChildren => (typeof value === 'string' ? value : value.view);
export const textOf = (value: string | Sentence): string => (typeof value === 'string' ? value : value.text);
