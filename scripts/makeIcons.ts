import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

/**
 * Draws PeerCircle's mark (two overlapping rings: two peers, one shared space) into the app
 * package's icons. Run after changing the mark or the accent colour, then commit the PNGs:
 * `npm run build:server && node dist/scripts/makeIcons.js`.
 *
 * Sizes and colours follow the Teams app icon rules (learn.microsoft.com/microsoftteams/platform/
 * concepts/build-and-test/apps-package#app-icons): color 192×192 full colour, outline 32×32 white on
 * a transparent background.
 */

/** Must equal `accentColor` in appPackage/manifest.json. */
export const ACCENT_COLOR = "#1F7A8C";

interface Ring {
  cx: number;
  cy: number;
  radius: number;
  stroke: number;
}

/** The mark in a unit square, scaled per icon so both sizes stay the same shape. */
function ringsFor(size: number, strokeRatio: number): Ring[] {
  const radius = size * 0.24;
  const offset = size * 0.13;
  const stroke = size * strokeRatio;
  return [
    { cx: size / 2 - offset, cy: size / 2, radius, stroke },
    { cx: size / 2 + offset, cy: size / 2, radius, stroke },
  ];
}

const SUBSAMPLES = 4;

/** Share of a pixel covered by the rings (stroke), and by the lens where the discs overlap. */
function coverage(x: number, y: number, rings: Ring[]): { stroke: number; lens: number } {
  let strokeHits = 0;
  let lensHits = 0;
  for (let sy = 0; sy < SUBSAMPLES; sy++) {
    for (let sx = 0; sx < SUBSAMPLES; sx++) {
      const px = x + (sx + 0.5) / SUBSAMPLES;
      const py = y + (sy + 0.5) / SUBSAMPLES;
      const distances = rings.map((r) => Math.hypot(px - r.cx, py - r.cy));
      if (rings.some((r, i) => Math.abs((distances[i] ?? 0) - r.radius) <= r.stroke / 2)) strokeHits++;
      else if (rings.every((r, i) => (distances[i] ?? 0) < r.radius)) lensHits++;
    }
  }
  const total = SUBSAMPLES * SUBSAMPLES;
  return { stroke: strokeHits / total, lens: lensHits / total };
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** Full-colour icon: white mark on the accent colour, the shared lens lightly tinted. */
export function renderColorIcon(size = 192, accent = ACCENT_COLOR): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const [ar, ag, ab] = hexToRgb(accent);
  const rings = ringsFor(size, 0.065);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const { stroke, lens } = coverage(x, y, rings);
      const white = Math.min(1, stroke + lens * 0.35);
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(ar + (255 - ar) * white);
      png.data[i + 1] = Math.round(ag + (255 - ag) * white);
      png.data[i + 2] = Math.round(ab + (255 - ab) * white);
      png.data[i + 3] = 255;
    }
  }
  return png;
}

/** Outline icon: the rings only, pure white, anti-aliased through alpha on transparency. */
export function renderOutlineIcon(size = 32): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const rings = ringsFor(size, 0.075);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const { stroke } = coverage(x, y, rings);
      const i = (y * size + x) * 4;
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(stroke * 255);
    }
  }
  return png;
}

const isMain =
  process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (isMain) {
  // dist/scripts/makeIcons.js → repository root.
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const dir = path.join(root, "appPackage");
  writeFileSync(path.join(dir, "color.png"), PNG.sync.write(renderColorIcon()));
  writeFileSync(path.join(dir, "outline.png"), PNG.sync.write(renderOutlineIcon()));
  process.stdout.write(`Wrote ${path.join(dir, "color.png")} and outline.png\n`);
}
