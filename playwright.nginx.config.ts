import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/*
 * The browser tests against the production nginx configuration (deploy/nginx/): tests/nginx/global-setup.ts
 * starts Debian's nginx on 127.0.0.1:$KP_NGINX_PORT (4350) serving $KP_DIST (dist/) and stops it after
 * the run. A config of its own, not a project of playwright.config.ts, so that the static-server
 * tests keep their own web server and this run starts no `serve.mjs`:
 *   node scripts/ensure-nginx.mjs && npx playwright test -c playwright.nginx.config.ts
 */
export const NGINX_PORT = Number(process.env['KP_NGINX_PORT'] ?? 4350);

// Not the static server, and not projects the main config may define: this run has its own testDir.
const { webServer: _static, projects: _projects, ...shared } = base;

export default defineConfig({
	...shared,
	testDir: 'tests/nginx',
	globalSetup: './tests/nginx/global-setup.ts',
	use: { ...shared.use, baseURL: `http://127.0.0.1:${NGINX_PORT}` },
});
