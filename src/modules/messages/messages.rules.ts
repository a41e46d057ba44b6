// Pure rules for a message between a resident and his contact person.

export const MESSAGE_MAX = 2000;

/** Markup-like text: a tag or comment opening ("<b", "</", "<!--", "<script"). "1 < 2" and "<3" are plain text. */
const MARKUP = /<\s*(?:[/?]?\s*[a-z]|!)/i;

export type MessageProblem = 'empty' | 'tooLong' | 'markup' | null;

/** What is wrong with a message body (after trimming), or null. */
export function messageProblem(body: string): MessageProblem {
  const text = body.trim();
  if (text.length === 0) return 'empty';
  if (text.length > MESSAGE_MAX) return 'tooLong';
  if (MARKUP.test(text)) return 'markup';
  return null;
}

export const MESSAGE_PROBLEM_NL: Record<Exclude<MessageProblem, null>, string> = {
  empty: 'Schrijf eerst uw bericht.',
  tooLong: `Maak uw bericht korter: hoogstens ${MESSAGE_MAX} tekens.`,
  markup: 'Schrijf uw bericht als gewone tekst, zonder HTML-code of scripts (zoals <b> of <script>).',
};
