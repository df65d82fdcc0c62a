import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CSP_END, CSP_VARIABLE } from '../../scripts/csp-hashes.mjs';
import { startNginx } from '../../scripts/nginx.mjs';

/*
 * The Content-Security-Policy include fails closed: nginx serving pages without their policy is worse
 * than nginx not starting. Each broken csp.conf is refused twice: by deploy/nginx/kube-paths-start.sh
 * (run by the image's entrypoint, its build and scripts/nginx.mjs), in words that name the file and the
 * reason, and by nginx alone (without that script), which cannot start without the variable the
 * include defines. Nothing here listens: every start fails before nginx binds its port.
 */
const DIST = process.env['KP_DIST'] ?? 'dist';
// Never bound (the starts fail first); one above the run's nginx so that it is free.
const PORT = Number(process.env['KP_NGINX_PORT'] ?? 4350) + 1;
const START = 'deploy/nginx/kube-paths-start.sh';

const BROKEN: { name: string; reason: RegExp; alter: (path: string) => void; nginxSays: RegExp }[] = [
	{ name: 'missing', reason: /is missing/, alter: (path) => rmSync(path), nginxSays: /open\(\) ".*csp\.conf" failed/ },
	{ name: 'empty', reason: /is empty/, alter: (path) => writeFileSync(path, ''), nginxSays: new RegExp(`unknown "${CSP_VARIABLE}" variable`) },
	{
		name: 'cut in the middle of the policy',
		reason: /is partial: its last line is not '# end of csp\.conf'/,
		alter: (path) => writeFileSync(path, readFileSync(path, 'utf8').slice(0, readFileSync(path, 'utf8').indexOf('script-src'))),
		nginxSays: /unexpected end of file|unexpected "\}"|unknown directive/,
	},
	{
		name: 'cut at the end of a line (before the end marker)',
		reason: /is partial: its last line is not '# end of csp\.conf'/,
		alter: (path) => writeFileSync(path, readFileSync(path, 'utf8').replace(`${CSP_END}\n`, '')),
		// A whole map, so nginx alone would start: only the start script catches this one.
		nginxSays: /^$/,
	},
	{
		name: 'a policy without its hashes',
		reason: /is partial: the policy has no script-src/,
		alter: (path) => writeFileSync(path, readFileSync(path, 'utf8').replace(/; script-src [^;]*/, '')),
		nginxSays: /^$/,
	},
];

test.describe.configure({ mode: 'serial' });

test.describe('a broken CSP include stops nginx, saying which file and why', () => {
	for (const { name, reason, alter, nginxSays } of BROKEN) {
		test(`${name}`, async () => {
			let path = '';
			const error: unknown = await startNginx({ dist: DIST, port: PORT, alterCsp: (p: string) => ((path = p), alter(p)) }).then(
				async (server) => (await server.stop(), undefined),
				(e: unknown) => e,
			);
			expect(error, 'nginx must not start').toBeInstanceOf(Error);
			const message = (error as Error).message;
			expect(message).toContain(path);
			expect(message).toMatch(reason);
			expect(message).toContain('node scripts/csp-hashes.mjs dist');

			// nginx alone, without the start script: refuses what it can see.
			const alone: unknown = await startNginx({ dist: DIST, port: PORT, alterCsp: alter, skipCspCheck: true }).then(
				async (server) => (await server.stop(), undefined),
				(e: unknown) => e,
			);
			if (nginxSays.source === '^$') expect(alone, 'a complete map: nginx alone starts, the start script is what refuses it').toBeUndefined();
			else expect((alone as Error).message).toMatch(nginxSays);
		});
	}

	test('the start script accepts the generated include and refuses bad arguments', async () => {
		let generated = '';
		const server = await startNginx({ dist: DIST, port: PORT, alterCsp: (p: string) => (generated = readFileSync(p, 'utf8')) });
		await server.stop();
		mkdirSync(test.info().outputDir, { recursive: true });
		const good = join(test.info().outputDir, 'csp.conf');
		writeFileSync(good, generated);
		expect(spawnSync('sh', [START, 'check-csp', good], { encoding: 'utf8' }).status).toBe(0);
		expect(spawnSync('sh', [START, 'check-csp'], { encoding: 'utf8' }).status).toBe(2);
	});
});
