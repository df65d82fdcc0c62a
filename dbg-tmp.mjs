import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const theme of ['light', 'dark']) for (const path of ['/en/exposure/nodeport/', '/fr/', '/en/compare/']) {
  const c = await b.newContext({ viewport: { width: 390, height: 844 }, colorScheme: theme, reducedMotion: 'reduce' });
  await c.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  const p = await c.newPage();
  await p.goto('http://127.0.0.1:4331' + path);
  await p.waitForTimeout(300);
  let r = await new AxeBuilder({ page: p }).options({ resultTypes: ['violations'] }).setLegacyMode(true).analyze();
  console.log(theme, path, 'closed', r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ') + ' ' + (n.any[0]?.message ?? '')).join(' | ')));
  await p.locator('starlight-menu-button button').click();
  await p.waitForTimeout(300);
  r = await new AxeBuilder({ page: p }).options({ resultTypes: ['violations'] }).setLegacyMode(true).analyze();
  console.log(theme, path, 'menu open', r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ') + ' ' + (n.any[0]?.message ?? '')).join(' | ')));
  await c.close();
}
await b.close();
