import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/index.ts';
import { ALL_SLUGS, pageHref } from '../../src/site/pages.ts';
import { LAST_UPDATED, STAMP } from '../e2e/stamp-words.ts';
import { readBuilt } from './dist.ts';

/*
 * Every page says, in its footer, what it was checked against and when it last changed (its last
 * commit). Read from the built files: the stamp and the date are written at build time, without
 * JavaScript (tests/e2e/stamp.spec.ts checks it is shown). The sentences: tests/e2e/stamp-words.ts.
 */
describe('every page says what it was checked against and when it last changed', () => {
	for (const locale of LOCALES) {
		for (const slug of ALL_SLUGS) {
			const path = pageHref(locale, slug);
			it(path, () => {
				const html = readBuilt(path);
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
