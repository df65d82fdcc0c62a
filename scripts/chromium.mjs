// Where the browser tests and the bench find Chromium. Shared by scripts/ensure-chromium.mjs,
// playwright.config.ts and scripts/bench.mjs.
//
// - The bench (Lighthouse, the explorer's and the simulation's timings) measures what a reader's browser
//   does: $CHROMIUM_PATH, else Debian's full Chromium (/usr/bin/chromium), else Playwright's.
// - The browser tests prefer Debian's headless shell (package chromium-headless-shell, built from the
//   same Chromium sources as the chromium package, without the desktop browser around Blink: what
//   Playwright itself runs headless tests on): the same engine, a quarter less CPU for the whole suite
//   here, which runs a fifth shorter on two cores. Without it they use the full Chromium.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
export const DEBIAN_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

function playwrightChromium() {
	try {
		const { chromium } = createRequire(import.meta.url)('playwright-core');
		return [chromium.executablePath()];
	} catch {
		// playwright-core not installed or no browser registry: nothing to add.
		return [];
	}
}

const override = () => (process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : []);
const first = (candidates) => candidates.find((path) => path && existsSync(path));

/** Where the bench looks, in order. */
export function chromiumCandidates() {
	return [...override(), DEBIAN_CHROMIUM, ...playwrightChromium()];
}

/** Where the browser tests look, in order. */
export function testBrowserCandidates() {
	return [...override(), DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM, ...playwrightChromium()];
}

/** The bench's Chromium: the first candidate that exists, or undefined. */
export function findChromium() {
	return first(chromiumCandidates());
}

/** The browser tests' Chromium: the first candidate that exists, or undefined. */
export function findTestBrowser() {
	return first(testBrowserCandidates());
}
