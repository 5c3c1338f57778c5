import { deflateSync } from 'node:zlib';

/**
 * Pictures for the demo instance. The embedded database has no files behind its media rows, so
 * every image is painted on request from its id: the same id always gives the same picture, and
 * the seeder derives blurhash and dimensions from the very same drawing.
 *
 * Pure: no I/O, no clock, no Math.random.
 */

export type DemoImageKind = 'media' | 'avatar' | 'header';
export type DemoImageStyle = 'original' | 'small' | 'static';

export interface DemoImageSize {
  width: number;
  height: number;
}

export interface DemoMediaRequest {
  kind: DemoImageKind;
  /** Decimal id as it appears in the partitioned path (leading zeros removed). */
  id: string;
  style: DemoImageStyle;
  fileName: string;
  /** Remote media cached under `cache/` (file_storage_schema_version >= 1). */
  cached: boolean;
}

// ---------------------------------------------------------------------------------------------
// Paperclip paths

/**
 * Paperclip's `:id_partition` for integer ids: `"%09d" % id` cut into groups of three digits.
 * Snowflake ids have 18 digits, so they become six groups (`110/294/871/227/450/123`).
 */
export function idPartition(id: string): string {
  if (!/^\d+$/.test(id)) throw new Error(`idPartition: not a non-negative integer id: ${id}`);
  const groups = id.padStart(9, '0').match(/\d{3}/g) ?? [];
  return groups.join('/');
}

/** Inverse of idPartition (Paperclip drops a trailing partial group, which never occurs before 2039). */
export function idFromPartition(groups: readonly string[]): string | null {
  if (groups.length < 3 || groups.some((g) => !/^\d{3}$/.test(g))) return null;
  const digits = groups.join('').replace(/^0+(?=\d)/, '');
  return digits;
}

const ATTACHMENTS: Record<string, { kind: DemoImageKind; styles: readonly DemoImageStyle[] }> = {
  'media_attachments/files': { kind: 'media', styles: ['original', 'small'] },
  'accounts/avatars': { kind: 'avatar', styles: ['original', 'static'] },
  'accounts/headers': { kind: 'header', styles: ['original', 'static'] },
};

/** The URL path (below the storage root) where Mastodon would serve an attachment. */
export function demoMediaPath(options: { kind: DemoImageKind; id: string; style: DemoImageStyle; fileName: string; cached?: boolean }): string {
  const base = Object.entries(ATTACHMENTS).find(([, a]) => a.kind === options.kind)?.[0];
  if (!base) throw new Error(`demoMediaPath: unknown kind ${options.kind}`);
  return `${options.cached ? 'cache/' : ''}${base}/${idPartition(options.id)}/${options.style}/${options.fileName}`;
}

const FILE_NAME = /^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9]{2,5}$/;

/**
 * Parses the segments after `/system/`, e.g.
 * `['media_attachments','files','110','294',…,'small','3f9a….png']`. Anything else is null, so
 * the route answers 404 instead of painting a picture for arbitrary paths.
 */
export function parseDemoMediaPath(segments: readonly string[]): DemoMediaRequest | null {
  let parts = segments;
  let cached = false;
  if (parts[0] === 'cache') {
    cached = true;
    parts = parts.slice(1);
  }
  if (parts.length < 7) return null;
  const attachment = ATTACHMENTS[`${parts[0]}/${parts[1]}`];
  if (!attachment) return null;
  const fileName = parts[parts.length - 1] as string;
  const style = parts[parts.length - 2] as DemoImageStyle;
  if (!attachment.styles.includes(style) || !FILE_NAME.test(fileName)) return null;
  const id = idFromPartition(parts.slice(2, parts.length - 2));
  if (!id || id.length > 19) return null;
  return { kind: attachment.kind, id, style, fileName, cached };
}

// ---------------------------------------------------------------------------------------------
// Deterministic drawing

function hash32(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rgb = [number, number, number];

function hsl(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

const MEDIA_SIZES: readonly DemoImageSize[] = [
  { width: 400, height: 300 },
  { width: 400, height: 300 },
  { width: 300, height: 400 },
  { width: 400, height: 400 },
  { width: 480, height: 270 },
  { width: 320, height: 480 },
];

/** Pixel size of a demo picture; the seeder writes the same numbers into file_meta. */
export function demoImageSize(kind: DemoImageKind, id: string, style: DemoImageStyle = 'original'): DemoImageSize {
  if (kind === 'avatar') return { width: 400, height: 400 };
  if (kind === 'header') return { width: 600, height: 200 };
  const original = MEDIA_SIZES[hash32(`size:${id}`) % MEDIA_SIZES.length] as DemoImageSize;
  if (style !== 'small') return original;
  return { width: Math.round(original.width / 2), height: Math.round(original.height / 2) };
}

type Shape =
  | { type: 'circle'; cx: number; cy: number; r: number; color: Rgb; alpha: number }
  | { type: 'ring'; cx: number; cy: number; r: number; w: number; color: Rgb; alpha: number }
  | { type: 'rect'; x0: number; y0: number; x1: number; y1: number; color: Rgb; alpha: number }
  | { type: 'hill'; base: number; amp: number; freq: number; phase: number; color: Rgb; alpha: number };

interface Scene {
  top: Rgb;
  bottom: Rgb;
  angle: number;
  shapes: Shape[];
}

/** The picture as resolution-independent geometry (all coordinates in 0..1). */
function scene(kind: DemoImageKind, id: string): Scene {
  const rand = prng(hash32(`${kind}:${id}`));
  const hue = rand() * 360;
  const scheme = rand();
  const top = hsl(hue, 0.55 + rand() * 0.3, 0.25 + rand() * 0.35);
  const bottom = hsl((hue + 40 + rand() * 120) % 360, 0.5 + rand() * 0.4, 0.35 + rand() * 0.4);
  const accent = (offset: number, light = 0.55): Rgb => hsl((hue + offset) % 360, 0.6 + rand() * 0.35, light + rand() * 0.2);
  const shapes: Shape[] = [];

  if (kind === 'avatar') {
    // A bold centred disc reads as "a profile picture" at 24 px.
    shapes.push({ type: 'circle', cx: 0.5, cy: 0.42, r: 0.2 + rand() * 0.05, color: accent(180, 0.7), alpha: 1 });
    shapes.push({ type: 'circle', cx: 0.5, cy: 1.05, r: 0.42, color: accent(180, 0.6), alpha: 1 });
    if (rand() < 0.5) shapes.push({ type: 'ring', cx: 0.5, cy: 0.5, r: 0.47, w: 0.03, color: accent(90, 0.8), alpha: 0.8 });
    return { top, bottom, angle: rand() * Math.PI, shapes };
  }

  if (scheme < 0.4 || kind === 'header') {
    // Landscape: sun and layered hills.
    shapes.push({ type: 'circle', cx: 0.15 + rand() * 0.7, cy: 0.15 + rand() * 0.3, r: 0.06 + rand() * 0.1, color: accent(60, 0.75), alpha: 0.95 });
    const layers = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < layers; i++) {
      shapes.push({
        type: 'hill',
        base: 0.5 + (i / layers) * 0.4 + rand() * 0.05,
        amp: 0.03 + rand() * 0.1,
        freq: 1 + rand() * 4,
        phase: rand() * Math.PI * 2,
        color: hsl((hue + 140 + i * 15) % 360, 0.35 + rand() * 0.3, 0.45 - i * 0.1),
        alpha: 1,
      });
    }
  } else if (scheme < 0.75) {
    // Bubbles.
    const count = 4 + Math.floor(rand() * 6);
    for (let i = 0; i < count; i++) {
      const kindRoll = rand();
      const base = { cx: rand(), cy: rand(), r: 0.05 + rand() * 0.25, color: accent(rand() * 240), alpha: 0.45 + rand() * 0.5 };
      shapes.push(kindRoll < 0.7 ? { type: 'circle', ...base } : { type: 'ring', ...base, w: 0.01 + rand() * 0.04 });
    }
  } else {
    // Bauhaus blocks.
    const count = 3 + Math.floor(rand() * 5);
    for (let i = 0; i < count; i++) {
      const x0 = rand() * 0.8;
      const y0 = rand() * 0.8;
      shapes.push({ type: 'rect', x0, y0, x1: x0 + 0.1 + rand() * 0.4, y1: y0 + 0.1 + rand() * 0.4, color: accent(rand() * 300), alpha: 0.6 + rand() * 0.4 });
    }
    shapes.push({ type: 'circle', cx: rand(), cy: rand(), r: 0.1 + rand() * 0.15, color: accent(200, 0.6), alpha: 0.9 });
  }
  return { top, bottom, angle: rand() * Math.PI, shapes };
}

/** Rasterises a scene into packed RGB (3 bytes per pixel). */
function paint(s: Scene, width: number, height: number): Uint8Array {
  const px = new Uint8Array(width * height * 3);
  const dx = Math.cos(s.angle);
  const dy = Math.sin(s.angle);
  const norm = Math.abs(dx) + Math.abs(dy);
  for (let y = 0; y < height; y++) {
    const ny = y / (height - 1 || 1);
    for (let x = 0; x < width; x++) {
      const nx = x / (width - 1 || 1);
      const t = Math.min(1, Math.max(0, ((nx - 0.5) * dx + (ny - 0.5) * dy) / norm + 0.5));
      const o = (y * width + x) * 3;
      px[o] = s.top[0] + (s.bottom[0] - s.top[0]) * t;
      px[o + 1] = s.top[1] + (s.bottom[1] - s.top[1]) * t;
      px[o + 2] = s.top[2] + (s.bottom[2] - s.top[2]) * t;
    }
  }
  const scale = Math.min(width, height);
  const blend = (o: number, c: Rgb, a: number) => {
    px[o] = (px[o] as number) * (1 - a) + c[0] * a;
    px[o + 1] = (px[o + 1] as number) * (1 - a) + c[1] * a;
    px[o + 2] = (px[o + 2] as number) * (1 - a) + c[2] * a;
  };
  for (const shape of s.shapes) {
    if (shape.type === 'circle' || shape.type === 'ring') {
      const cx = shape.cx * width;
      const cy = shape.cy * height;
      const r = shape.r * scale;
      const inner = shape.type === 'ring' ? Math.max(0, r - shape.w * scale) : 0;
      const r2 = r * r;
      const inner2 = shape.type === 'ring' ? inner * inner : -1;
      const y0 = Math.max(0, Math.floor(cy - r));
      const y1 = Math.min(height - 1, Math.ceil(cy + r));
      const x0 = Math.max(0, Math.floor(cx - r));
      const x1 = Math.min(width - 1, Math.ceil(cx + r));
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          const d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
          if (d2 <= r2 && d2 >= inner2) blend((y * width + x) * 3, shape.color, shape.alpha);
        }
      }
    } else if (shape.type === 'rect') {
      const x0 = Math.max(0, Math.floor(shape.x0 * width));
      const x1 = Math.min(width - 1, Math.floor(shape.x1 * width));
      const y0 = Math.max(0, Math.floor(shape.y0 * height));
      const y1 = Math.min(height - 1, Math.floor(shape.y1 * height));
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) blend((y * width + x) * 3, shape.color, shape.alpha);
    } else {
      for (let x = 0; x < width; x++) {
        const nx = x / (width - 1 || 1);
        const top = Math.max(0, Math.floor((shape.base - shape.amp * Math.sin(nx * shape.freq * Math.PI + shape.phase)) * height));
        for (let y = top; y < height; y++) blend((y * width + x) * 3, shape.color, shape.alpha);
      }
    }
  }
  return px;
}

// ---------------------------------------------------------------------------------------------
// PNG encoding (RGB, 8 bit, no interlace)

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function encodePng(rgb: Uint8Array, width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter type 0 (None); gradients would compress better with Sub, but size does not matter here.
    raw[y * (stride + 1)] = 0;
    Buffer.from(rgb.buffer, rgb.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', new Uint8Array(0))]);
}

/** The PNG bytes for a demo attachment. Same arguments, same bytes. */
export function renderDemoPng(options: { kind: DemoImageKind; id: string; style?: DemoImageStyle }): Buffer {
  const style = options.style ?? 'original';
  const { width, height } = demoImageSize(options.kind, options.id, style);
  return encodePng(paint(scene(options.kind, options.id), width, height), width, height);
}

// ---------------------------------------------------------------------------------------------
// Blurhash (https://blurha.sh), computed from a small rendering of the same scene

const BASE83 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~';

function encode83(value: number, length: number): string {
  let out = '';
  for (let i = 1; i <= length; i++) {
    const digit = Math.floor(value / Math.pow(83, length - i)) % 83;
    out += BASE83.charAt(digit);
  }
  return out;
}

const SRGB_TO_LINEAR = (() => {
  const table = new Float64Array(256);
  for (let v = 0; v < 256; v++) {
    const x = v / 255;
    table[v] = x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
  }
  return table;
})();

function linearToSrgb(v: number): number {
  const x = Math.max(0, Math.min(1, v));
  return x <= 0.0031308 ? Math.round(x * 12.92 * 255 + 0.5) : Math.round((1.055 * Math.pow(x, 1 / 2.4) - 0.055) * 255 + 0.5);
}

function signPow(v: number, exp: number): number {
  return Math.sign(v) * Math.pow(Math.abs(v), exp);
}

export function blurhashEncode(rgb: Uint8Array, width: number, height: number, componentsX = 4, componentsY = 3): string {
  const pixels = width * height;
  // Linearise once per pixel and tabulate the cosines: the naive loop costs ~5 ms per hash, and
  // the seeder needs two thousand of them.
  const lin = new Float64Array(pixels * 3);
  for (let p = 0; p < pixels * 3; p++) lin[p] = SRGB_TO_LINEAR[rgb[p] as number] as number;
  const cosX = new Float64Array(componentsX * width);
  for (let i = 0; i < componentsX; i++) for (let x = 0; x < width; x++) cosX[i * width + x] = Math.cos((Math.PI * i * x) / width);
  const cosY = new Float64Array(componentsY * height);
  for (let j = 0; j < componentsY; j++) for (let y = 0; y < height; y++) cosY[j * height + y] = Math.cos((Math.PI * j * y) / height);
  const factors: Rgb[] = [];
  for (let j = 0; j < componentsY; j++) {
    for (let i = 0; i < componentsX; i++) {
      const normalisation = i === 0 && j === 0 ? 1 : 2;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = 0; y < height; y++) {
        const cy = cosY[j * height + y] as number;
        for (let x = 0; x < width; x++) {
          const basis = (cosX[i * width + x] as number) * cy;
          const o = (y * width + x) * 3;
          r += basis * (lin[o] as number);
          g += basis * (lin[o + 1] as number);
          b += basis * (lin[o + 2] as number);
        }
      }
      const scale = normalisation / pixels;
      factors.push([r * scale, g * scale, b * scale]);
    }
  }
  const [dc, ...ac] = factors as [Rgb, ...Rgb[]];
  let hash = encode83(componentsX - 1 + (componentsY - 1) * 9, 1);
  let maxValue = 1;
  if (ac.length > 0) {
    const actualMax = Math.max(...ac.map((f) => Math.max(Math.abs(f[0]), Math.abs(f[1]), Math.abs(f[2]))));
    const quantisedMax = Math.floor(Math.max(0, Math.min(82, Math.floor(actualMax * 166 - 0.5))));
    maxValue = (quantisedMax + 1) / 166;
    hash += encode83(quantisedMax, 1);
  } else {
    hash += encode83(0, 1);
  }
  hash += encode83((linearToSrgb(dc[0]) << 16) + (linearToSrgb(dc[1]) << 8) + linearToSrgb(dc[2]), 4);
  for (const f of ac) {
    const q = (v: number) => Math.floor(Math.max(0, Math.min(18, Math.floor(signPow(v / maxValue, 0.5) * 9 + 9.5))));
    hash += encode83(q(f[0]) * 19 * 19 + q(f[1]) * 19 + q(f[2]), 2);
  }
  return hash;
}

/** Blurhash of the demo picture, as Mastodon would have stored it after processing the upload. */
export function demoBlurhash(kind: DemoImageKind, id: string): string {
  const { width, height } = demoImageSize(kind, id);
  // 4×3 components need very few samples; 16 px wide keeps 2 000 hashes well under a second.
  const w = 16;
  const h = Math.max(6, Math.round((16 * height) / width));
  return blurhashEncode(paint(scene(kind, id), w, h), w, h, 4, 3);
}
