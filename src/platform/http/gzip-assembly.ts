import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A piece of a page, compressed on its own so that pieces can be put together into one gzip
 * response without compressing again. Each piece is raw deflate ended with a sync flush: it
 * finishes on a byte boundary and is not the stream's last block, so pieces simply follow one
 * another (RFC 1951 §3.2.3; a piece's back-references stay within its own bytes). The gzip
 * trailer needs the CRC-32 and length of the whole, which `crc32Combine` makes from the pieces'.
 */
export interface DeflatedPart {
  readonly deflated: Buffer;
  readonly crc: number;
  /** Bytes before compression. */
  readonly length: number;
}

export function deflatePart(text: string | Buffer, level = 6): DeflatedPart {
  const raw = typeof text === 'string' ? Buffer.from(text) : text;
  const output = deflateRawSync(raw, { level, finishFlush: constants.Z_SYNC_FLUSH });
  // zlib hands back a view of a larger chunk; a kept part keeps only its own bytes.
  const deflated = output.buffer.byteLength > output.length ? Buffer.from(output) : output;
  return { deflated, crc: crc32(raw), length: raw.length };
}

// CRC-32 arithmetic over GF(2) modulo the reflected polynomial: the CRC of A followed by B is
// the CRC of A multiplied by x^(8·|B|), plus the CRC of B. Squaring x gives x^(2^k) for each k.
const polynomial = 0xedb88320;

function multiplyModP(a: number, b: number): number {
  let product = 0;
  for (let bit = 0x80000000; bit !== 0; bit >>>= 1) {
    if (a & bit) product ^= b;
    b = b & 1 ? (b >>> 1) ^ polynomial : b >>> 1;
  }
  return product >>> 0;
}

const xToPowerOfTwo: number[] = [0x40000000];
for (let k = 1; k < 32; k++)
  xToPowerOfTwo.push(multiplyModP(xToPowerOfTwo[k - 1] ?? 0, xToPowerOfTwo[k - 1] ?? 0));

function xToEightTimes(length: number): number {
  let power = 0x80000000;
  for (let k = 3, n = length; n > 0; k++, n = Math.floor(n / 2)) {
    if (n % 2 === 1) power = multiplyModP(xToPowerOfTwo[k % 32] ?? 0, power);
  }
  return power;
}

/** The CRC-32 of A followed by B, from the CRC of A, the CRC of B and B's length. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multiplyModP(xToEightTimes(lengthB), crcA) ^ crcB) >>> 0;
}

// ID1 ID2, deflate, no flags, no time, no extra flags, OS unknown (RFC 1952 §2.3).
const gzipHeader = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
// An empty final block with fixed codes: BFINAL 1, BTYPE 01, end-of-block, padded.
const finalBlock = Buffer.from([0x03, 0x00]);

/** One gzip member holding the parts in order. */
export function assembleGzip(parts: readonly DeflatedPart[]): Buffer {
  let crc = 0;
  let length = 0;
  const chunks: Buffer[] = [gzipHeader];
  for (const part of parts) {
    crc = crc32Combine(crc, part.crc, part.length);
    length += part.length;
    chunks.push(part.deflated);
  }
  const trailer = Buffer.allocUnsafe(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  chunks.push(finalBlock, trailer);
  return Buffer.concat(chunks);
}
