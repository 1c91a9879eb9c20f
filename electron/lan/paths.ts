// Addresses no page, file or API route of Podium ever has: probes for files outside the renderer.

/** Longer than any real address (the longest API path with ids and a query is well under 300 characters). */
export const maxPathLength = 2048;

function decoded(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * Whether the path of a request URL is a probe: too long, badly encoded, with a backslash, a control character, an
 * empty or dot segment (`//`, `/./`, `/../`, `/..;/`) or a second layer of encoding (`%252e`). Such a request is
 * answered 404 before any route or the file server sees it.
 */
export function isProbePath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  if (path.length > maxPathLength || !path.startsWith('/') || path.includes('\\')) return true;
  const plain = decoded(path);
  if (plain === null || plain.includes('\\') || /%[0-9a-f]{2}/i.test(plain)) return true;
  if (hasControlCharacter(plain)) return true;
  const segments = plain.split('/').slice(1);
  return segments.some((segment, i) => (segment === '' && i < segments.length - 1) || segment.startsWith('.'));
}

/** A control character (U+0000–U+001F or DEL), which no page or file of ours has in its name. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
