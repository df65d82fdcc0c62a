import { expect, test } from '@playwright/test';
import { LOCALES, messages } from '../../src/i18n/index.ts';
import { comparisonRows } from '../../src/i18n/compare.ts';
import { decisionPaths } from '../../src/model/decision.ts';
import { scenarioPath, scenarios } from '../../src/model/scenarios/index.ts';
import { LEARNING_PATH, pageHref } from '../../src/site/pages.ts';
import { collectErrors } from './helpers.ts';

for (const locale of LOCALES) {
	test(`/${locale}/compare/ has one row per way in, with the model's values and a link to its page`, async ({ page }) => {
		const rows = comparisonRows(locale);
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
		// Each row's page exists (no 404) and draws that scenario.
		for (const row of rows) {
			const response = await page.goto(row.href);
			expect(response?.status(), row.href).toBe(200);
			await expect(page.locator(`figure[data-scenario="${row.id}"]`)).toHaveCount(1);
		}
	});

	test(`/${locale}/choose/ reaches every answer with the island`, async ({ page }) => {
		const errors = collectErrors(page);
		const words = messages[locale].decision;
		await page.goto(`/${locale}/choose/`);
		const guide = page.locator('.kp-guide');
		for (const path of decisionPaths()) {
			await guide.getByRole('button', { name: words.restart }).click();
			for (const [question, answer] of path.steps) {
				await expect(guide.locator('.kp-guide-question')).toHaveText(words.questions[question].text);
				await guide.getByRole('button', { name: answer === 'yes' ? words.yes : words.no, exact: true }).click();
			}
			const link = guide.locator('.kp-guide-result a');
			await expect(link).toHaveText(messages[locale].scenario[path.result.result].title);
			await expect(link).toHaveAttribute('href', scenarioPath(scenarios[path.result.result], locale));
			if (path.result.tip) await expect(guide.locator('.kp-guide-tip')).toContainText(words.tips[path.result.tip].split('`')[0]!.trim());
		}
		await guide.getByRole('button', { name: words.back }).click();
		await expect(guide.locator('.kp-guide-question')).toBeVisible();
		expect(errors).toEqual([]);
	});

	test(`/${locale}/choose/ shows the complete tree without JavaScript`, async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`/${locale}/choose/`);
		const tree = page.locator('.kp-tree');
		await expect(tree).toBeVisible();
		const paths = decisionPaths();
		// Every leaf of the typed tree is a link in the static tree, to the right page.
		await expect(tree.locator('a[data-result]')).toHaveCount(paths.length);
		for (const path of paths) await expect(tree.locator(`a[data-result="${path.result.result}"]`).first()).toHaveAttribute('href', scenarioPath(scenarios[path.result.result], locale));
		await context.close();
	});

	test(`/${locale}/ numbers the learning path, each step a link to a page of this language`, async ({ page }) => {
		await page.goto(`/${locale}/`);
		const links = page.locator('ol.kp-path > li > a');
		await expect(links).toHaveCount(LEARNING_PATH.length);
		for (const [i, slug] of LEARNING_PATH.entries()) await expect(links.nth(i)).toHaveAttribute('href', pageHref(locale, slug));
	});
}
