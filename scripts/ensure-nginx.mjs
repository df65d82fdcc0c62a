// Makes sure the nginx browser tests have Debian's nginx (and its brotli modules, optional), installing
// them as root with apt-get when `nginx` is missing, the way scripts/ensure-chromium.mjs does for Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findNginx, hasBrotli } from './nginx.mjs';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const root = typeof process.getuid === 'function' && process.getuid() === 0;

if (!findNginx() || !hasBrotli()) {
	if (root && has('apt-get')) {
		const packages = [...(findNginx() ? [] : ['nginx']), 'libnginx-mod-http-brotli-filter', 'libnginx-mod-http-brotli-static'];
		console.log(`Installing ${packages.join(', ')} with apt-get.`);
		run('apt-get', ['update', '-qq']);
		const systemPid = '/run/nginx.pid';
		const wasRunning = existsSync(systemPid);
		// The brotli modules are optional: without them the tests check gzip only.
		if (!run('apt-get', ['install', '-y', '-qq', ...packages]) && packages.includes('nginx')) run('apt-get', ['install', '-y', '-qq', 'nginx']);
		// Where no policy-rc.d stops it, the package starts the system nginx on port 80: the tests start
		// their own on loopback, so stop the one the install just started.
		if (!wasRunning && existsSync(systemPid)) run(findNginx() ?? 'nginx', ['-s', 'quit']);
	}
}
const found = findNginx();
if (!found) {
	console.error('No nginx found or installable: install it (Debian: `sudo apt-get install -y nginx`) or set NGINX_PATH, then run `npm test` again.');
	process.exit(1);
}
console.log(`nginx tests use ${found}${hasBrotli() ? ' with the brotli modules' : ' (no brotli modules: gzip only)'}`);
