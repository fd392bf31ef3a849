// Rewrites a screenshot PNG (8-bit RGB or RGBA, as Chromium saves them) as a 256-colour palette PNG:
// editor screenshots have few colours, so this takes about two thirds off with no visible change, and
// needs no image package (node:zlib only).
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync, inflateSync } from 'node:zlib';

export function toPalettePng(path) {
  const { width, height, pixels } = decode(readFileSync(path));
  const { palette, indices } = quantize(pixels, width * height);
  writeFileSync(path, encode(width, height, palette, indices));
}

function decode(file) {
  let offset = 8;
  let header;
  const data = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8], colorType: body[9], interlace: body[12] };
    if (type === 'IDAT') data.push(body);
    offset += length + 12;
  }
  const { width, height, depth, colorType, interlace } = header;
  if (depth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) throw new Error('only 8-bit RGB(A) non-interlaced PNGs are handled');
  const channels = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(width * height * 3);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? row[i - channels] : 0;
      const up = previous[i];
      const upLeft = i >= channels ? previous[i - channels] : 0;
      const predictor = filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : filter === 4 ? paeth(left, up, upLeft) : 0;
      row[i] = (row[i] + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) row.copy(pixels, (y * width + x) * 3, x * channels, x * channels + 3);
    previous = row;
  }
  return { width, height, pixels };
}

function paeth(a, b, c) {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The 256 most used colours at 5 bits a channel (each the average of its pixels), every pixel its nearest. */
function quantize(pixels, count) {
  const key = (i) => ((pixels[i] >> 3) << 10) | ((pixels[i + 1] >> 3) << 5) | (pixels[i + 2] >> 3);
  const buckets = new Map();
  for (let p = 0; p < count; p++) {
    const k = key(p * 3);
    const bucket = buckets.get(k) ?? buckets.set(k, [0, 0, 0, 0]).get(k);
    bucket[0] += pixels[p * 3];
    bucket[1] += pixels[p * 3 + 1];
    bucket[2] += pixels[p * 3 + 2];
    bucket[3]++;
  }
  const palette = [...buckets.values()].sort((a, b) => b[3] - a[3]).slice(0, 256).map(([r, g, b, n]) => [Math.round(r / n), Math.round(g / n), Math.round(b / n)]);
  const nearest = new Map();
  const indices = Buffer.alloc(count);
  for (let p = 0; p < count; p++) {
    const k = key(p * 3);
    let index = nearest.get(k);
    if (index === undefined) {
      const [r, g, b] = [pixels[p * 3], pixels[p * 3 + 1], pixels[p * 3 + 2]];
      let best = Infinity;
      for (const [i, [pr, pg, pb]] of palette.entries()) {
        const distance = 2 * (pr - r) ** 2 + 4 * (pg - g) ** 2 + 3 * (pb - b) ** 2;
        if (distance < best) [best, index] = [distance, i];
      }
      nearest.set(k, index);
    }
    indices[p] = index;
  }
  return { palette, indices };
}

function encode(width, height, palette, indices) {
  const chunk = (type, body) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits, palette, deflate, no filter choice, no interlace
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) indices.copy(rows, y * (width + 1) + 1, y * width, (y + 1) * width); // filter 0 per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(palette.flat())),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
