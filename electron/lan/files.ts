import type { FileAnswer } from '../../shared/api/contract';

/**
 * A Content-Disposition header for a download whose name may be Chinese (RFC 6266 / RFC 5987):
 * an ASCII fallback for old clients, and the real name as UTF-8 in `filename*`.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function isFileAnswer(value: unknown): value is FileAnswer {
  return (
    typeof value === 'object' &&
    value !== null &&
    'data' in value &&
    value.data instanceof Uint8Array &&
    'fileName' in value &&
    typeof value.fileName === 'string' &&
    'contentType' in value &&
    typeof value.contentType === 'string'
  );
}

/** Where the renderer build puts its hashed files (`/assets/index-BZZcfiHm.js`); vite's default `assetsDir`. */
const hashedAsset = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/**
 * How long a browser may keep an answer. A hashed asset never changes under its name, so judges' phones keep it for a
 * year and a reload costs only the page and the API; index.html (which names the current assets) and every API answer
 * are never stored, so a rebuilt renderer or a changed score is seen at once.
 */
export function cacheControlFor(path: string, status: number): string {
  return (status === 200 || status === 304) && hashedAsset.test(path)
    ? 'public, max-age=31536000, immutable'
    : 'no-store';
}
