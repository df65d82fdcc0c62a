// Makes sure the browser tests have a Chromium, installing what is missing: as root with apt-get,
// Debian's packages (`chromium` for the bench, `chromium-headless-shell` for the tests, see
// scripts/chromium.mjs); elsewhere Playwright's download.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { DEBIAN_CHROMIUM, DEBIAN_HEADLESS_SHELL, findChromium, findTestBrowser, testBrowserCandidates } from './chromium.mjs';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const apt = root && has('apt-get');

// Debian's packages, the ones not there yet; none when $CHROMIUM_PATH names the browser to use.
const missing = process.env.CHROMIUM_PATH
	? []
	: [
			['chromium', DEBIAN_CHROMIUM],
			['chromium-headless-shell', DEBIAN_HEADLESS_SHELL],
		]
			.filter(([, path]) => !existsSync(path))
			.map(([name]) => name);

if (apt && missing.length > 0) {
	console.log(`Installing Debian's ${missing.join(' and ')} for the browser tests.`);
	// Without package lists, or with stale ones (a fresh machine), the install fails: then update them and try again.
	if (!run('apt-get', ['install', '-y', '-qq', ...missing])) run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', ...missing]);
} else if (!findTestBrowser() && !apt) {
	console.log(`No Chromium at ${testBrowserCandidates().join(', ')}: installing Playwright's.`);
	run('npx', ['playwright', 'install', 'chromium']);
}

const found = findTestBrowser();
if (!found) {
	console.error(
		'No Chromium found or installable: install it (Debian: `sudo apt-get install -y chromium chromium-headless-shell`; elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary, then run `npm test` again.',
	);
	process.exit(1);
}
console.log(`Browser tests use ${found}${findChromium() && findChromium() !== found ? `; the bench uses ${findChromium()}` : ''}`);
