// `npm run icons [-- OUT_DIR]`: renders resources/icon.svg into every icon the installers need (resources/icons/):
// png/NxN.png for Linux, icon.png, icon.ico for Windows (PNG entries, 16–256) and icon.icns for macOS (16–1024).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const root = new URL('..', import.meta.url).pathname;
export const pngSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const icoSizes = [16, 24, 32, 48, 64, 128, 256];
/** ICNS entry types holding PNG data, and the pixel size each one wants. */
export const icnsEntries = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** @param {string} svg @param {number} size */
function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/**
 * A Windows icon: a 6-byte header, a 16-byte entry per image, then the PNG images.
 * @param {Map<number, Buffer>} pngs
 */
function icoFile(pngs) {
  const images = icoSizes.map((size) => ({ size, data: pngs.get(size) }));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

/** A macOS icon: 'icns' and the total length, then entries of a 4-letter type, a length and PNG data. */
function icnsFile(pngs) {
  const entries = icnsEntries.map(([type, size]) => {
    const data = pngs.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + entries.reduce((sum, e) => sum + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

export function renderIcons(outDir = join(root, 'resources/icons')) {
  const svg = readFileSync(join(root, 'resources/icon.svg'), 'utf8');
  const pngs = new Map(pngSizes.map((size) => [size, render(svg, size)]));
  mkdirSync(join(outDir, 'png'), { recursive: true });
  for (const [size, data] of pngs) writeFileSync(join(outDir, 'png', `${size}x${size}.png`), data);
  writeFileSync(join(outDir, 'icon.png'), pngs.get(512));
  writeFileSync(join(outDir, 'icon.ico'), icoFile(pngs));
  writeFileSync(join(outDir, 'icon.icns'), icnsFile(pngs));
  return outDir;
}

if (process.argv[1] && new URL(import.meta.url).pathname === resolve(process.argv[1])) {
  const out = renderIcons(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`图标已生成 / Icons written: ${out}`);
}
