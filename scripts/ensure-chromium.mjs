// Makes sure the browser tests have a Chromium, installing one when none is found:
// Debian's package as root (`apt-get install -y chromium`), else Playwright's download.
import { spawnSync } from 'node:child_process';
import { chromiumCandidates, findChromium } from './chromium.mjs';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

let found = findChromium();
if (!found) {
	console.log(`No Chromium at ${chromiumCandidates().join(', ')}: installing one.`);
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	if (root && has('apt-get')) {
		run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium']);
	} else {
		run('npx', ['playwright', 'install', 'chromium']);
	}
	found = findChromium();
}
if (!found) {
	console.error(
		'No Chromium found or installable: install it (Debian: `sudo apt-get install -y chromium`; elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary, then run `npm test` again.',
	);
	process.exit(1);
}
console.log(`Browser tests use ${found}`);
