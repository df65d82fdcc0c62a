import type { Page } from '@playwright/test';
import { LOCALES, type Locale } from '../../src/i18n/index.ts';
import { SCENARIO_IDS, type ScenarioId } from '../../src/model/scenarios/index.ts';

/** Every page with a live diagram, in every language: derived from the model, not listed by hand. */
export const DIAGRAM_PAGES = SCENARIO_IDS.flatMap((scenario) =>
	LOCALES.map((locale) => ({ scenario, locale, path: `/${locale}/exposure/${scenario}/` }) satisfies { scenario: ScenarioId; locale: Locale; path: string }),
);

/** Collects console errors and uncaught exceptions for the rest of the test. */
export function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
	return errors;
}
