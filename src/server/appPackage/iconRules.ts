import { PNG } from "pngjs";

/**
 * Teams app icon rules (learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/
 * apps-package#app-icons): the color icon is 192×192, the outline icon 32×32, white on a
 * transparent background. Teams rejects or mis-renders packages that break them.
 */
export const ICON_SIZES = {
  color: { width: 192, height: 192 },
  outline: { width: 32, height: 32 },
} as const;

/** `icons.color` or `icons.outline`. */
export type IconKind = keyof typeof ICON_SIZES;

/** Below this, a channel is not "white": anti-aliased edges keep white RGB and vary alpha only. */
const WHITE_MIN = 230;
/** A transparent background leaves at least this share of the outline icon fully transparent. */
const MIN_TRANSPARENT_SHARE = 0.25;

function hex(r: number, g: number, b: number, a: number): string {
  return `#${[r, g, b, a].map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

/** Problems with one icon; empty when it meets the Teams rules for its kind. */
export function checkIcon(kind: IconKind, fileName: string, bytes: Uint8Array): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes));
  } catch (error) {
    return [`${fileName} (icons.${kind}) is not a readable PNG: ${(error as Error).message}`];
  }
  const expected = ICON_SIZES[kind];
  const problems: string[] = [];
  if (png.width !== expected.width || png.height !== expected.height) {
    problems.push(
      `${fileName} (icons.${kind}) must be ${expected.width}×${expected.height} pixels; it is ${png.width}×${png.height}`,
    );
  }
  if (kind === "outline") problems.push(...checkOutlineColours(fileName, png));
  return problems;
}

function checkOutlineColours(fileName: string, png: PNG): string[] {
  const { width, height, data } = png;
  const alphaAt = (x: number, y: number) => data[(y * width + x) * 4 + 3] ?? 255;
  const corners = [
    alphaAt(0, 0),
    alphaAt(width - 1, 0),
    alphaAt(0, height - 1),
    alphaAt(width - 1, height - 1),
  ];
  let transparent = 0;
  let notWhite = 0;
  let firstNotWhite = "";
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const [r = 0, g = 0, b = 0, a = 0] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a === 0) {
        transparent++;
      } else if (r < WHITE_MIN || g < WHITE_MIN || b < WHITE_MIN) {
        if (notWhite === 0) firstNotWhite = ` (first at ${x},${y}: ${hex(r, g, b, a)})`;
        notWhite++;
      }
    }
  }
  const problems: string[] = [];
  const pixels = width * height;
  if (corners.some((a) => a !== 0) || transparent < pixels * MIN_TRANSPARENT_SHARE) {
    problems.push(
      `${fileName} (icons.outline) must have a transparent background; ${transparent} of ${pixels} pixels are transparent and the corners are not all transparent`,
    );
  }
  if (notWhite > 0) {
    problems.push(
      `${fileName} (icons.outline) must be white on transparent; ${notWhite} visible pixels are not white${firstNotWhite}`,
    );
  }
  return problems;
}
