import { expect, test } from '@playwright/test';
import { LOCALES, messages } from '../../src/i18n/index.ts';
import { comparisonRows } from '../../src/i18n/compare.ts';
import { COMPARISON_COLUMNS } from '../../src/model/compare.ts';
import { decisionPaths, QUESTION_IDS } from '../../src/model/decision.ts';
import { plainText } from '../../src/model/text.ts';
import { scenarios } from '../../src/model/scenarios/index.ts';
import { LEARNING_PATH, pageHref } from '../../src/site/pages.ts';
import { collectErrors } from './helpers.ts';

for (const locale of LOCALES) {
	test(`/${locale}/compare/ has one row per way in, with the model's values and a link to its page`, async ({ page }) => {
		const rows = comparisonRows(locale);
		// The table is the layout of a wide screen (narrower ones get one card per way in: pages.spec.ts).
		await page.setViewportSize({ width: 1440, height: 900 });
		await page.goto(`/${locale}/compare/`);
		const body = page.locator('.kp-compare tbody tr');
		await expect(body).toHaveCount(rows.length);
		for (const [i, row] of rows.entries()) {
			const tr = body.nth(i);
			await expect(tr).toHaveAttribute('data-scenario', row.id);
			await expect(tr.getByRole('link', { name: row.title })).toHaveAttribute('href', row.href);
			await expect(tr.locator('[data-column="entry"]')).toHaveText(row.entry);
			await expect(tr.locator('[data-column="ports"]')).toHaveText(row.ports);
			await expect(tr.locator('[data-column="hops"]')).toHaveText(String(scenarios[row.id].path.length));
			await expect(tr.locator('[data-column="sourceIp"]')).toHaveText(row.sourceIp);
		}
		// Each row's page exists (no 404) and draws that scenario: tests/built/pages.test.ts, from the built pages.
	});

	test(`/${locale}/choose/ reaches every answer with the island, keeping the answers in the URL`, async ({ page }) => {
		// It walks every path of the tree, a dozen page states each: slow on a loaded machine.
		test.slow();
		const errors = collectErrors(page);
		const words = messages[locale].decision;
		await page.goto(`/${locale}/choose/`);
		// The island may arrive after the first paint: before it, the Yes / No links are plain anchors.
		await expect.poll(() => page.evaluate(() => customElements.get('kp-decision-guide') !== undefined)).toBe(true);
		const guide = page.locator('kp-decision-guide');
		const current = guide.locator('.kp-node.kp-current');
		for (const path of decisionPaths()) {
			const restart = guide.getByRole('button', { name: words.restart });
			if (await restart.isEnabled()) await restart.click();
			for (const [question, answer] of path.steps) {
				await expect(current.locator('h2')).toHaveText(words.questions[question].text);
				await current.getByRole('link', { name: answer === 'yes' ? words.yes : words.no, exact: true }).click();
			}
			await expect(guide.locator('.kp-node:visible')).toHaveCount(1);
			await expect(current).toHaveAttribute('id', `a-${path.result.id}`);
			await expect(current.locator('h2')).toBeFocused();
			const letters = path.steps.map(([, answer]) => (answer === 'yes' ? 'y' : 'n')).join('');
			expect(new URL(page.url()).searchParams.get('answers')).toBe(letters);
			// The answer says why, links to its page, and names a runner-up where there is one.
			await expect(current.locator('p').first()).toContainText(plainText(words.answers[path.result.id].reason).slice(0, 40));
			await expect(current.locator('.kp-go a')).toBeVisible();
			if (path.result.runnerUp) await expect(current.locator('.kp-runner-up a')).toBeVisible();
			if (path.result.tip) await expect(current.locator('.kp-tip')).toContainText(words.tips[path.result.tip].split('`')[0]!.trim());
		}
		await guide.getByRole('button', { name: words.back }).click();
		await expect(current.locator('.kp-answers')).toBeVisible();
		expect(errors).toEqual([]);
	});

	test(`/${locale}/choose/?answers= opens a shared answer, with its comparison row, and survives a reload`, async ({ page }) => {
		// yes (from outside), no (not only me), no (not all HTTP), yes (a load balancer), yes (client IP needed).
		await page.goto(`/${locale}/choose/?answers=ynnyy`);
		const current = page.locator('kp-decision-guide .kp-node.kp-current');
		await expect(current).toHaveAttribute('id', 'a-lb-client-ip');
		await expect(current.locator('.kp-go a')).toHaveAttribute('href', `/${locale}/exposure/loadbalancer/`);
		await expect(current.locator('.kp-runner-up a')).toHaveAttribute('href', `/${locale}/exposure/nodeport/`);
		// The key facts are the LoadBalancer row of the comparison: the load balancer's address, port 80.
		const row = comparisonRows(locale).find((r) => r.id === 'loadbalancer')!;
		await expect(current.locator('.kp-facts dd')).toHaveCount(COMPARISON_COLUMNS.length);
		await expect(current.locator('.kp-facts')).toContainText(row.entry);
		expect(row.entry).toMatch(/:80$/);
		await page.reload();
		await expect(current).toHaveAttribute('id', 'a-lb-client-ip');
		// Back goes to the question before, and the URL follows.
		await page.getByRole('button', { name: messages[locale].decision.back }).click();
		await expect(current).toHaveAttribute('id', 'q-client-ip');
		expect(new URL(page.url()).searchParams.get('answers')).toBe('ynny');
	});

	test(`/${locale}/choose/ sends a developer who needs a database to kubectl port-forward`, async ({ page }) => {
		await page.goto(`/${locale}/choose/?answers=yyn`);
		const current = page.locator('kp-decision-guide .kp-node.kp-current');
		await expect(current).toHaveAttribute('id', 'a-dev-port-forward');
		await expect(current.locator('h2')).toContainText('kubectl port-forward');
		// Its own page now, with its comparison row: the loopback entry, and the Pod's own loopback as the source.
		await expect(current.locator('.kp-go a')).toHaveAttribute('href', `/${locale}/exposure/port-forward/`);
		await expect(current.locator('.kp-facts')).toContainText('127.0.0.1:8080');
		await expect(current.locator('.kp-runner-up a')).toHaveAttribute('href', `/${locale}/exposure/kubectl-proxy/`);
	});

	test(`/${locale}/choose/ names a bad ?answers= value and starts from the first question`, async ({ page }) => {
		const errors = collectErrors(page);
		await page.goto(`/${locale}/choose/?answers=yes`);
		await expect(page.getByRole('alert')).toContainText('answers=yes');
		await expect(page.locator('kp-decision-guide .kp-node.kp-current')).toHaveAttribute('id', 'q-outside');
		expect(errors).toEqual([]);
	});

	for (const width of [360, 1440]) {
		test(`/${locale}/choose/ without JavaScript is one section per question at ${width} px, linked by Yes and No`, async ({ browser }) => {
			const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 800 } });
			const page = await context.newPage();
			await page.goto(`/${locale}/choose/`);
			const words = messages[locale].decision;
			const sections = page.locator('kp-decision-guide .kp-node');
			const paths = decisionPaths();
			await expect(sections).toHaveCount(QUESTION_IDS.length + new Set(paths.map((p) => p.result.id)).size);
			// No sideways scrolling, and no section squeezed by indentation: each takes the content column.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
			for (const box of await sections.evaluateAll((all) => all.map((s) => s.getBoundingClientRect().width))) expect(box).toBeGreaterThan(Math.min(width, 720) - 80);
			// Follow one way through by the links alone: outside, not only me, HTTP, several Services,
			// one group, Ingress to keep, no load balancer implementation.
			for (const answer of ['yes', 'no', 'yes', 'yes', 'no', 'no', 'no']) {
				const at = page.url().includes('#') ? page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`) : sections.first();
				await at.getByRole('link', { name: answer === 'yes' ? words.yes : words.no, exact: true }).click();
			}
			expect(new URL(page.url()).hash).toBe('#a-ingress-nodeport');
			const answer = page.locator('#a-ingress-nodeport');
			await expect(answer.locator('h2')).toBeInViewport();
			await expect(answer.locator('.kp-go a')).toHaveAttribute('href', `/${locale}/exposure/ingress-nodeport/`);
			// The page's link and the tip are separate blocks: the link never runs into the tip's text.
			const link = await answer.locator('.kp-go a').boundingBox();
			const tip = await answer.locator('.kp-tip').boundingBox();
			expect(link && tip && (link.y + link.height <= tip.y || tip.y + tip.height <= link.y)).toBe(true);
			await context.close();
		});
	}

	test(`/${locale}/ numbers the learning path, each step a link to a page of this language`, async ({ page }) => {
		await page.goto(`/${locale}/`);
		const links = page.locator('ol.kp-path > li > a');
		await expect(links).toHaveCount(LEARNING_PATH.length);
		for (const [i, slug] of LEARNING_PATH.entries()) await expect(links.nth(i)).toHaveAttribute('href', pageHref(locale, slug));
	});
}
