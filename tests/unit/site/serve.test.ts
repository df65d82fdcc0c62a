import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteHandler } from '../../../scripts/serve.mjs';

/*
 * scripts/serve.mjs, the browser tests' static server, on a tree of its own: `site/` is served, and
 * `secret/` lies beside it, as a folder beside dist/ does. A request must never read it.
 */
const top = mkdtempSync(join(tmpdir(), 'kp-serve-'));
const site = join(top, 'site');
mkdirSync(join(site, 'en', 'nodeport'), { recursive: true });
mkdirSync(join(top, 'secret'));
writeFileSync(join(site, 'en', 'nodeport', 'index.html'), '<h1>NodePort</h1>');
writeFileSync(join(site, '404.html'), '<h1>Not found</h1>');
writeFileSync(join(top, 'secret', 'key.txt'), 'SECRET');
writeFileSync(join(top, 'secret', 'index.html'), 'SECRET');

let server: Server;
let port = 0;
beforeAll(async () => {
	server = createServer(siteHandler(site));
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	port = (server.address() as { port: number }).port;
});
afterAll(() => {
	server.close();
	rmSync(top, { recursive: true, force: true });
});

/** A raw GET: the path is sent as written, not normalised by a URL parser. */
function get(path: string): Promise<{ status: number; body: string; location?: string }> {
	return new Promise((done, fail) => {
		request({ host: '127.0.0.1', port, path, method: 'GET' }, (response) => {
			let body = '';
			response.on('data', (chunk: Buffer) => (body += chunk.toString()));
			response.on('end', () => done({ status: response.statusCode ?? 0, body, ...(response.headers.location ? { location: response.headers.location } : {}) }));
		})
			.on('error', fail)
			.end();
	});
}

describe('scripts/serve.mjs', () => {
	it('serves a page at its folder URL, and redirects the URL without its trailing slash', async () => {
		expect(await get('/en/nodeport/')).toMatchObject({ status: 200, body: '<h1>NodePort</h1>' });
		expect(await get('/en/nodeport?x=1')).toMatchObject({ status: 301, location: '/en/nodeport/?x=1' });
	});

	it('answers a miss with the 404 page and status 404', async () => {
		expect(await get('/en/nothing/')).toMatchObject({ status: 404, body: '<h1>Not found</h1>' });
	});

	for (const path of [
		'/..%2fsecret/key.txt',
		'/..%2Fsecret/key.txt',
		'/%2e%2e/secret/key.txt',
		'/en/..%2f..%2fsecret/key.txt',
		'/../secret/key.txt',
		'/..%5csecret/key.txt',
		'/..%2fsecret',
		'/..%2fsecret/',
	]) {
		it(`never reads a folder beside the site: ${path}`, async () => {
			const response = await get(path);
			expect(response.body, `${path} read secret/ beside the served folder`).not.toContain('SECRET');
			expect([301, 404]).toContain(response.status);
			if (response.status === 301) expect(response.location).not.toMatch(/secret/);
		});
	}
});
