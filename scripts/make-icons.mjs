// Renders web/public/favicon.svg to the PNG icons the web app manifest and iOS ask for.
// Run once after changing the SVG: node scripts/make-icons.mjs (the PNGs are committed).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const publicDir = path.join(root, 'web/public');
const svg = fs.readFileSync(path.join(publicDir, 'favicon.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/** name, size, and how much of the square the drawing fills (a maskable icon keeps to the safe 80% circle). */
const ICONS = [
  { name: 'icon-192.png', size: 192, scale: 1, square: false },
  { name: 'icon-512.png', size: 512, scale: 1, square: false },
  { name: 'icon-maskable-512.png', size: 512, scale: 0.7, square: true },
  { name: 'apple-touch-icon.png', size: 180, scale: 0.82, square: true },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const inner = Math.round(icon.size * icon.scale);
    // Maskable and Apple icons are cut by the system: the background fills the square, the star sits in the middle.
    const background = icon.square ? '#a8071a' : 'transparent';
    await page.setContent(
      `<html><body style="margin:0;width:${icon.size}px;height:${icon.size}px;display:flex;align-items:center;justify-content:center;background:${background}"><img src="${dataUrl}" width="${inner}" height="${inner}"></body></html>`,
    );
    await page.screenshot({ path: path.join(publicDir, icon.name), omitBackground: !icon.square });
    await page.close();
    console.log(`${icon.name} ${icon.size}×${icon.size}`);
  }
} finally {
  await browser.close();
}
