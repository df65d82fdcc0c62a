import type { FullConfig } from '@playwright/test';
import { startNginx } from '../../scripts/nginx.mjs';

/**
 * Starts nginx with the production configuration for the whole run; the function it returns is
 * Playwright's teardown, which stops nginx and removes its temp prefix even when tests fail.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
	const dist = process.env['KP_DIST'] ?? 'dist';
	const port = Number(process.env['KP_NGINX_PORT'] ?? 4350);
	const server = await startNginx({ dist, port });
	console.log(`nginx ${server.brotli ? 'with brotli ' : ''}serves ${dist} at ${server.url}/ (prefix ${server.prefix})`);
	// For the probe test, which drains this nginx by writing <prefix>/tmp/kube-paths/draining.
	process.env['KP_NGINX_PREFIX'] = server.prefix;
	return async () => {
		const errors = server
			.logs()
			.split('\n')
			.filter((line) => /\[(error|crit|alert|emerg)\]/.test(line) && !/No such file or directory|is not found/.test(line));
		await server.stop();
		console.log('nginx stopped');
		if (errors.length > 0) throw new Error(`nginx logged errors during the run:\n${errors.join('\n')}`);
	};
}
