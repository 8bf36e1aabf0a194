/**
 * `npm run icons`: draws the app icon (an ID card under a magnifying lens) as SVG and renders
 * it with sharp into the PNGs electron-builder packages:
 *   build/icon.svg                 the source, for reference
 *   build/icon.png                 1024×1024 (Windows .ico and macOS .icns are derived from it)
 *   build/icons/<n>x<n>.png        the Linux icon set (hicolor sizes 16–512)
 * Nothing is downloaded; the drawing is here so anyone can regenerate it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

/** The icon as an SVG document on a 1024-unit canvas. */
export function iconSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#12425c"/>
      <stop offset="1" stop-color="#0a2535"/>
    </linearGradient>
    <radialGradient id="glass" cx="0.4" cy="0.35" r="0.75">
      <stop offset="0" stop-color="#e8f6ff" stop-opacity="0.55"/>
      <stop offset="1" stop-color="#9fd3f0" stop-opacity="0.18"/>
    </radialGradient>
    <clipPath id="lens"><circle cx="604" cy="560" r="196"/></clipPath>
  </defs>
  <rect x="32" y="32" width="960" height="960" rx="208" fill="url(#bg)"/>
  <!-- ID card -->
  <g transform="rotate(-8 440 470)">
    <rect x="150" y="270" width="600" height="390" rx="44" fill="#f4f1ea"/>
    <rect x="150" y="270" width="600" height="84" rx="44" fill="#e0a63a"/>
    <rect x="150" y="320" width="600" height="34" fill="#e0a63a"/>
    <rect x="196" y="392" width="176" height="218" rx="22" fill="#c9d6df"/>
    <circle cx="284" cy="468" r="50" fill="#5b7385"/>
    <path d="M206 610 q78 -118 156 0 z" fill="#5b7385"/>
    <rect x="408" y="404" width="290" height="30" rx="15" fill="#8a9aa6"/>
    <rect x="408" y="462" width="236" height="26" rx="13" fill="#b5c1ca"/>
    <rect x="408" y="516" width="262" height="26" rx="13" fill="#b5c1ca"/>
    <rect x="408" y="570" width="180" height="26" rx="13" fill="#b5c1ca"/>
  </g>
  <!-- magnified detail inside the lens -->
  <g clip-path="url(#lens)">
    <circle cx="604" cy="560" r="196" fill="url(#glass)"/>
    <g transform="translate(604 560) scale(1.35) translate(-604 -560) rotate(-8 440 470)">
      <rect x="408" y="462" width="236" height="26" rx="13" fill="#6f8796" opacity="0.55"/>
      <rect x="408" y="516" width="262" height="26" rx="13" fill="#6f8796" opacity="0.55"/>
    </g>
  </g>
  <!-- lens rim and handle -->
  <line x1="748" y1="704" x2="880" y2="836" stroke="#e0a63a" stroke-width="78" stroke-linecap="round"/>
  <circle cx="604" cy="560" r="196" fill="none" stroke="#f4f1ea" stroke-width="44"/>
  <path d="M488 470 a150 150 0 0 1 92 -84" fill="none" stroke="#ffffff" stroke-width="22"
        stroke-linecap="round" opacity="0.8"/>
</svg>
`;
}

/** Renders every size; returns the files written, relative to `buildDir`. */
export async function makeIcons(buildDir: string): Promise<string[]> {
  const svg = Buffer.from(iconSvg());
  const iconsDir = join(buildDir, 'icons');
  mkdirSync(iconsDir, { recursive: true });
  writeFileSync(join(buildDir, 'icon.svg'), svg);
  const written = ['icon.svg'];
  const render = (size: number) =>
    // Rendered at 2048 px (density 144 on the 1024-unit canvas), then downsampled.
    sharp(svg, { density: 144 })
      .resize(size, size)
      .png({ compressionLevel: 9, palette: size <= 256 })
      .toBuffer();
  writeFileSync(join(buildDir, 'icon.png'), await render(1024));
  written.push('icon.png');
  for (const size of ICON_SIZES) {
    const name = `${size}x${size}.png`;
    writeFileSync(join(iconsDir, name), await render(size));
    written.push(`icons/${name}`);
  }
  return written;
}

if (import.meta.main) {
  const buildDir = resolve(import.meta.dirname, '..', 'build');
  const files = await makeIcons(buildDir);
  console.log(`wrote ${files.length} files under build/: ${files.join(', ')}`);
}
