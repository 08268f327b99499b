const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text from a record as XML character data or attribute value. Characters
 * XML 1.0 cannot hold at all (controls other than tab and line breaks,
 * lone surrogates, U+FFFE/U+FFFF) are dropped: one would make the whole
 * feed or sitemap unreadable to a strict parser.
 */
export function xmlText(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A date as RFC 3339 in UTC, to the second: 2024-03-01T08:00:00Z. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
