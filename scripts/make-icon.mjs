// Draws the extension icon (images/icon.png, 128×128) from the SVG below with the
// system Chromium through playwright-core. Run again after changing the drawing:
//   node scripts/make-icon.mjs
// The drawing: three pools (servers) linked through a load balancer, behind a firewall bar.
import { chromium } from 'playwright-core';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1d5fa8"/>
      <stop offset="1" stop-color="#123a6b"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="22" fill="url(#bg)"/>
  <g stroke="#cfe3ff" stroke-width="5" stroke-linecap="round">
    <line x1="64" y1="58" x2="30" y2="92"/>
    <line x1="64" y1="58" x2="64" y2="96"/>
    <line x1="64" y1="58" x2="98" y2="92"/>
  </g>
  <g fill="#ffffff">
    <rect x="18" y="86" width="24" height="20" rx="4"/>
    <rect x="52" y="90" width="24" height="20" rx="4"/>
    <rect x="86" y="86" width="24" height="20" rx="4"/>
    <circle cx="64" cy="56" r="12"/>
  </g>
  <g fill="#1d5fa8">
    <rect x="23" y="93" width="14" height="3" rx="1.5"/>
    <rect x="57" y="97" width="14" height="3" rx="1.5"/>
    <rect x="91" y="93" width="14" height="3" rx="1.5"/>
  </g>
  <g fill="#ff9a3c">
    <rect x="20" y="20" width="88" height="14" rx="4"/>
  </g>
  <g fill="#123a6b">
    <rect x="42" y="20" width="3" height="14"/>
    <rect x="63" y="20" width="3" height="14"/>
    <rect x="84" y="20" width="3" height="14"/>
  </g>
  <line x1="64" y1="34" x2="64" y2="44" stroke="#cfe3ff" stroke-width="5" stroke-linecap="round"/>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.SFBTOPO_E2E_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: new URL('../images/icon.png', import.meta.url).pathname, omitBackground: true });
} finally {
    await browser.close();
}
