// Where the browser tests find Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the
// one Playwright may have downloaded. Shared by scripts/ensure-chromium.mjs and playwright.config.ts.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function chromiumCandidates() {
	const candidates = [];
	if (process.env.CHROMIUM_PATH) candidates.push(process.env.CHROMIUM_PATH);
	candidates.push(DEBIAN_CHROMIUM);
	try {
		const { chromium } = createRequire(import.meta.url)('playwright-core');
		candidates.push(chromium.executablePath());
	} catch {
		// playwright-core not installed or no browser registry: nothing to add.
	}
	return candidates;
}

/** The first candidate that exists, or undefined. */
export function findChromium() {
	return chromiumCandidates().find((path) => path && existsSync(path));
}
