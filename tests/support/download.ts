/** The bytes of a file answer; anything else fails the test with what came instead. */
export function fileBytes(body: unknown): Uint8Array {
  if (!(body instanceof Uint8Array)) throw new Error(`expected a file, got ${JSON.stringify(body)}`);
  return body;
}

/** The file name a browser saves a download under: RFC 5987 `filename*`. */
export function savedName(headers: Headers): string {
  const m = /filename\*=UTF-8''([^;]+)/.exec(headers.get('content-disposition') ?? '');
  return m?.[1] ? decodeURIComponent(m[1]) : '';
}
