#!/usr/bin/env node
// Draws the ParoleOnco icons from code: two overlapping speech bubbles, one voice answering another
// (a patient and the accompanying patient who has lived it), a small heart in the answering one.
//
//   node manifest/draw-icons.mjs [outDir]      (default: the folder of this script)
//
// color.png   192x192, full-bleed teal, white and apricot bubbles inside the central safe area.
// outline.png 32x32, white on fully transparent: anti-aliasing is done with alpha only, every
//             visible pixel is pure white (what Teams and validate-manifest.mjs require).
// No dependencies: shapes are signed distance functions, the PNG encoder uses node:zlib.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const TEAL = [15, 118, 110];     // #0F766E, also the manifest's accentColor
const WHITE = [255, 255, 255];
const APRICOT = [255, 190, 140]; // #FFBE8C

// Signed distances in "design units": the symbol lives in a 100x100 box. Negative = inside.
const roundRect = (x, y, [x0, y0, x1, y1], r) => {
  const qx = Math.abs(x - (x0 + x1) / 2) - (x1 - x0) / 2 + r;
  const qy = Math.abs(y - (y0 + y1) / 2) - (y1 - y0) / 2 + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const segment = (x, y, [ax, ay], [bx, by]) => {
  const [px, py, dx, dy] = [x - ax, y - ay, bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t);
};
const triangle = (x, y, pts) => {
  const d = Math.min(...pts.map((p, i) => segment(x, y, p, pts[(i + 1) % 3])));
  const side = pts.map((p, i) => { const q = pts[(i + 1) % 3]; return (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]); });
  const inside = side.every((s) => s >= 0) || side.every((s) => s <= 0);
  return inside ? -d : d;
};
const union = (...ds) => Math.min(...ds);
// Heart: two discs and a downward triangle, centred on (cx, cy), about 2*s wide.
const heart = (x, y, cx, cy, s) => union(
  Math.hypot(x - (cx - s * 0.48), y - (cy - s / 4)) - s * 0.55,
  Math.hypot(x - (cx + s * 0.48), y - (cy - s / 4)) - s * 0.55,
  triangle(x, y, [[cx - s, cy - s * 0.1], [cx + s, cy - s * 0.1], [cx, cy + s * 1.1]]),
);

const back = (x, y) => union(roundRect(x, y, [0, 4, 66, 56], 17), triangle(x, y, [[12, 48], [30, 48], [6, 72]]));
const front = (x, y) => union(roundRect(x, y, [34, 40, 100, 90], 16), triangle(x, y, [[72, 84], [90, 84], [96, 100]]));
const GAP = 5; // teal (or transparent) band between the two bubbles

// Paint order, last wins: [colour, distance function]. `undefined` colour = background.
const layers = (heartColour) => [
  [WHITE, (x, y) => Math.max(back(x, y), -(front(x, y) - GAP))],
  [APRICOT, front],
  [heartColour, (x, y) => heart(x, y, 67, 63, 11)],
];

function render(size, box, background, paint, outlineOnly) {
  const rgba = Buffer.alloc(size * size * 4);
  const [bx, by, bs] = box; // where the 100x100 design box goes, in pixels
  const N = 8;              // 8x8 supersampling per pixel
  for (let py = 0; py < size; py++) for (let px = 0; px < size; px++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < N; sy++) for (let sx = 0; sx < N; sx++) {
      const x = ((px + (sx + 0.5) / N) - bx) * 100 / bs, y = ((py + (sy + 0.5) / N) - by) * 100 / bs;
      let colour = background;
      for (const [c, d] of paint) if (d(x, y) <= 0) colour = c;
      if (colour) { acc[0] += colour[0]; acc[1] += colour[1]; acc[2] += colour[2]; acc[3] += 1; }
    }
    const i = (py * size + px) * 4;
    if (outlineOnly) rgba.set([255, 255, 255, Math.round((255 * acc[3]) / (N * N))], i);
    else rgba.set([...acc.slice(0, 3).map((v) => Math.round(v / (N * N))), 255], i);
  }
  return png(size, rgba);
}

function png(size, rgba) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
    return n >>> 0;
  });
  const crc = (buf) => { let c = ~0; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return ~c >>> 0; };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0); body.copy(out, 4); out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = process.argv[2] ?? path.dirname(fileURLToPath(import.meta.url));
// Colour: a 96 px symbol with 48 px of padding, as Teams asks (it crops to rounded squares and hexagons).
fs.writeFileSync(path.join(outDir, "color.png"), render(192, [48, 46, 96], TEAL, layers(TEAL), false));
// Outline: no padding (Teams' rule); monochrome, so the front bubble is a ring around the heart.
const ring = (x, y) => Math.max(front(x, y), -(front(x, y) + 9));
fs.writeFileSync(path.join(outDir, "outline.png"), render(32, [0, -0.6, 32], undefined, [
  [WHITE, (x, y) => Math.max(back(x, y), -(front(x, y) - GAP * 1.6))],
  [WHITE, ring],
  [WHITE, (x, y) => heart(x, y, 67, 63, 11)],
], true));
console.log(`wrote ${path.join(outDir, "color.png")} and outline.png`);
