import { request as httpRequest } from 'node:http';

/** Bytes of `urls` as they go over the wire to a phone on the venue LAN (offered gzip only, as over plain http). */
export async function gzipBytes(urls: readonly string[]): Promise<number> {
  const sizes = await Promise.all(
    urls.map(
      (url) =>
        new Promise<number>((resolve, reject) => {
          const req = httpRequest(url, { headers: { 'accept-encoding': 'gzip, deflate' } }, (res) => {
            let bytes = 0;
            res.on('data', (chunk: Buffer) => (bytes += chunk.length));
            res.on('end', () => resolve(bytes));
          });
          req.on('error', reject);
          req.end();
        }),
    ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}
