/**
 * Draws the two Teams app icons (no image package is installed): `npx tsx scripts/make-icons.ts`.
 * color.png: 192×192 blue rounded square with a white "C" over a counter top (comptoir).
 * outline.png: 32×32, the same mark in white on a transparent background, as Teams requires.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createImage, encodePng, setPixel } from "./lib/png";
import type { RgbaImage } from "./lib/png";

/** Also the manifest's accentColor. */
export const BRAND_BLUE: readonly [number, number, number] = [0x1b, 0x5f, 0xaa];

interface MarkGeometry {
  cx: number;
  cy: number;
  outer: number;
  inner: number;
  /** Half-angle (radians) of the C's opening, facing right. */
  gap: number;
  bar: { left: number; right: number; top: number; bottom: number };
}

/** Shapes are in unit coordinates (0..1 across the icon) so both sizes share one drawing. */
const COLOR_MARK: MarkGeometry = {
  cx: 0.5,
  cy: 0.44,
  outer: 0.27,
  inner: 0.165,
  gap: (40 * Math.PI) / 180,
  bar: { left: 0.2, right: 0.8, top: 0.77, bottom: 0.83 },
};

/** Thicker strokes so the mark stays legible at 32 px. */
const OUTLINE_MARK: MarkGeometry = {
  cx: 0.5,
  cy: 0.42,
  outer: 0.36,
  inner: 0.2,
  gap: (42 * Math.PI) / 180,
  bar: { left: 0.1, right: 0.9, top: 0.84, bottom: 0.96 },
};

function inRoundedRect(
  x: number,
  y: number,
  left: number,
  top: number,
  right: number,
  bottom: number,
  radius: number,
): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const nx = Math.min(Math.max(x, left + radius), right - radius);
  const ny = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - nx) ** 2 + (y - ny) ** 2 <= radius ** 2;
}

function inMark(x: number, y: number, g: MarkGeometry): boolean {
  const dx = x - g.cx;
  const dy = y - g.cy;
  const r = Math.hypot(dx, dy);
  if (r >= g.inner && r <= g.outer && Math.abs(Math.atan2(dy, dx)) >= g.gap) return true;
  // Round caps on both ends of the C.
  const mid = (g.inner + g.outer) / 2;
  const half = (g.outer - g.inner) / 2;
  for (const side of [1, -1]) {
    const capX = g.cx + mid * Math.cos(g.gap);
    const capY = g.cy + side * mid * Math.sin(g.gap);
    if ((x - capX) ** 2 + (y - capY) ** 2 <= half ** 2) return true;
  }
  const { left, right, top, bottom } = g.bar;
  return inRoundedRect(x, y, left, top, right, bottom, (bottom - top) / 2);
}

const SAMPLES = 8;

/** Fraction of the pixel covered by a shape, by supersampling (smooth edges without a rasteriser). */
function coverage(size: number, px: number, py: number, inside: (x: number, y: number) => boolean): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      if (inside((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

export function drawColorIcon(size = 192): RgbaImage {
  const image = createImage(size, size);
  const [r, g, b] = BRAND_BLUE;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const background = coverage(size, x, y, (u, v) => inRoundedRect(u, v, 0, 0, 1, 1, 0.2));
      const mark = coverage(size, x, y, (u, v) => inMark(u, v, COLOR_MARK));
      const mix = (channel: number) => Math.round(channel + (255 - channel) * mark);
      setPixel(image, x, y, [mix(r), mix(g), mix(b), Math.round(255 * background)]);
    }
  }
  return image;
}

export function drawOutlineIcon(size = 32): RgbaImage {
  const image = createImage(size, size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = Math.round(255 * coverage(size, x, y, (u, v) => inMark(u, v, OUTLINE_MARK)));
      setPixel(image, x, y, [255, 255, 255, alpha]);
    }
  }
  return image;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL("../appPackage/", import.meta.url));
  writeFileSync(`${dir}color.png`, encodePng(drawColorIcon()));
  writeFileSync(`${dir}outline.png`, encodePng(drawOutlineIcon()));
  console.log(`Wrote ${dir}color.png and ${dir}outline.png`);
}
