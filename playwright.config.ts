import { defineConfig } from '@playwright/test';
// A plain .mjs helper shared with scripts/ensure-chromium.mjs: Debian's headless shell when it is there.
import { findTestBrowser } from './scripts/chromium.mjs';

// KP_DIST / KP_PORT let a second build be tested beside the main one (e.g. by a parallel job).
const DIST = process.env['KP_DIST'] ?? 'dist';
const PORT = Number(process.env['KP_PORT'] ?? 4322);
const executablePath: string | undefined = findTestBrowser();

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: Boolean(process.env['CI']),
	retries: 0,
	// Three on this project's two-core machines: the tests also wait (for the network to go quiet, for the
	// browser's frames), and a third worker fills the CPU the two others leave idle (86 % busy with two,
	// 96 % with three: the suite in 116 s instead of 131 s, nginx's in 16 s instead of 21 s). Four took 118 s.
	workers: 3,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		launchOptions: {
			...(executablePath ? { executablePath } : {}),
			// As root in a container Chromium needs --no-sandbox; the others keep it off the network.
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
		},
	},
	webServer: {
		command: `node scripts/serve.mjs ${DIST} ${PORT}`,
		url: `http://127.0.0.1:${PORT}/en/`,
		reuseExistingServer: !process.env['CI'],
		timeout: 30_000,
	},
});
