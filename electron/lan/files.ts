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
