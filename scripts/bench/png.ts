// A PNG made in code, for the Lighthouse bench's stand-in of Hugging Face's image hosts
// (thumbnail-host.ts): the audits need a real image of a real thumbnail's size where a card
// shows one, and the project has no image library, nor needs one for a picture this plain.
// 8-bit RGB, no interlace, one zlib stream in one IDAT chunk (PNG spec, ISO/IEC 15948). Pure.
import { crc32, deflateSync } from 'node:zlib';

/** The size of Hugging Face's social thumbnails of papers (Open Graph images, 1200×648). */
export const THUMBNAIL_SIZE = { width: 1200, height: 648 } as const;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of `width`×`height` whose pixel at (x, y) is `rgb(x, y)`, three bytes of 0 to 255. */
export function png(width: number, height: number, rgb: (x: number, y: number) => [number, number, number]): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new Error(`a PNG needs a whole width and height from 1, not ${width}×${height}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // bit depth 8, truecolour, deflate, adaptive filtering, no interlace
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(stride * height); // each row opens with filter type 0 (none)
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(rgb(x, y), y * stride + 1 + x * 3);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The stand-in's thumbnail: a card of the social thumbnails' size, a dark band over a light ground. */
export function thumbnailPng(): Buffer {
  const { width, height } = THUMBNAIL_SIZE;
  return png(width, height, (_x, y) => {
    const t = y / (height - 1);
    return y < height * 0.3 ? [40, 44, 52] : [Math.round(250 - 30 * t), Math.round(246 - 30 * t), 240];
  });
}
