import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LOCALES } from '../../src/i18n/index.ts';
import { CHECKED_AGAINST } from '../../src/site/checked-against.ts';
import { ALL_SLUGS, pageHref } from '../../src/site/pages.ts';
import { DIST_DIR } from './helpers.ts';

/*
 * Every page says, in its footer, what it was checked against and when it last changed (its last
 * commit). Read from the built files: the stamp and the date are written at build time, without
 * JavaScript. The sentences are written here by hand; the versions come from the one constant the
 * README tells maintainers to change.
 */
const { kubernetes, gatewayApi } = CHECKED_AGAINST;
const STAMP = {
	en: new RegExp(
		`Checked against Kubernetes ${kubernetes.replace('.', '\\.')} and Gateway API ${gatewayApi.replace('.', '\\.')}, (January|February|March|April|May|June|July|August|September|October|November|December) 20\\d\\d`,
	),
	fr: new RegExp(
		`Vérifié pour Kubernetes ${kubernetes.replace('.', '\\.')} et Gateway API ${gatewayApi.replace('.', '\\.')}, en (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 20\\d\\d`,
	),
} as const;
const LAST_UPDATED = { en: 'Last updated:', fr: 'Dernière mise à jour' } as const;

test.describe('every page says what it was checked against and when it last changed', () => {
	for (const locale of LOCALES) {
		for (const slug of ALL_SLUGS) {
			const path = pageHref(locale, slug);
			test(path, () => {
				const html = readFileSync(join(DIST_DIR, path, 'index.html'), 'utf-8');
				const footer = /<footer[^>]*>([\s\S]*?)<\/footer>/.exec(html)?.[1] ?? '';
				expect(footer, `${path}: no stamp in the footer`).toMatch(STAMP[locale]);
				expect(footer, `${path}: no "last updated" line`).toContain(LAST_UPDATED[locale]);
				const datetime = /<time datetime="([^"]+)"/.exec(footer)?.[1];
				expect(datetime, `${path}: no <time datetime> for the last update`).toBeDefined();
				const date = new Date(datetime!);
				expect(Number.isNaN(date.getTime()), `${path}: \`${datetime}\` is not a date`).toBe(false);
				// A commit of this repository: after the project started, and not in the future.
				expect(date.getTime()).toBeGreaterThan(Date.UTC(2025, 0, 1));
				expect(date.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
			});
		}
	}
});

test('the stamp sits beside the date in the rendered footer', async ({ page }) => {
	await page.goto('/fr/exposure/nodeport/');
	const stamp = page.locator('footer [data-checked-against]');
	await expect(stamp).toBeVisible();
	await expect(stamp).toHaveText(STAMP.fr);
	await expect(page.locator('footer time')).toBeVisible();
});
