import { expect, test } from '@playwright/test';
import { axe } from './page-checks.ts';

/*
 * The packet of each step on screen: its table on a 360 px phone and in axe, on one page. The public
 * attributes (`data-src`, `data-dst` on each step, `data-outcome` on the figure) of every diagram page
 * are read from the built HTML, without a browser: tests/built/packet.test.ts.
 */

test.describe('the packet table on a phone', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('reads at 360 px without horizontal scroll, marks what changed in words, and follows the caption', async ({ page }) => {
		await page.goto('/fr/exposure/nodeport/');
		await expect(page.locator('kp-diagram')).toHaveClass(/is-live/);
		const last = page.locator('#kube-proxy-a-to-web-1');
		const table = last.locator('.kp-packet dl');
		await table.scrollIntoViewIfNeeded();
		await expect(table).toBeVisible();
		// Destination and source both rewritten here (DNAT + SNAT): each marked, and said in words.
		await expect(table.locator('.kp-packet-destination dd mark')).toHaveText('10.244.2.10:8080');
		await expect(table.locator('.kp-packet-destination dd')).toContainText('modifié');
		await expect(table.locator('.kp-packet-source dd')).toContainText('modifié');
		await expect(table.locator('.kp-packet-changes')).toContainText('DNAT');
		await expect(table.locator('.kp-packet-changes')).toContainText('SNAT');
		await expect(table.locator('.kp-packet-app')).toContainText(`RemoteAddr: ${await last.getAttribute('data-src')}`);
		// Nothing wider than the screen: neither the page nor the table.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		const box = await table.boundingBox();
		expect(box!.x).toBeGreaterThanOrEqual(0);
		expect(box!.x + box!.width).toBeLessThanOrEqual(360);
		// The caption panel shows the active step's packet.
		await page.getByRole('button', { name: 'Étape suivante' }).click();
		await page.getByRole('button', { name: 'Étape suivante' }).click();
		await expect(page.locator('.kp-caption-src')).toHaveText(new RegExp(`^${(await last.getAttribute('data-src'))!.replaceAll('.', '\\.')}`));
		await expect(page.locator('.kp-caption-changes')).toContainText('SNAT');
		await expect(page.locator('.kp-caption-app')).toContainText('RemoteAddr');
		await page.getByRole('button', { name: 'Étape précédente' }).click();
		await expect(page.locator('.kp-caption-app')).toBeEmpty();
	});
});

for (const width of [360, 1440]) {
	test(`a diagram with its packets has no axe violation at ${width} px`, async ({ page }) => {
		await page.setViewportSize({ width, height: 900 });
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/en/exposure/ingress-loadbalancer/');
		await expect(page.locator('kp-diagram')).toHaveClass(/is-live/);
		// The diagram and its steps: the rest of the page is a11y.spec.ts's, at its own viewport.
		const results = await axe(page).include('kp-diagram').analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	});
}
