// A static server for the built site: `node scripts/serve.mjs [dir] [port]`. The browser tests use it
// instead of `astro preview` to prove that `dist/` works behind any static server. The files are served
// by sirv (the server under Vite's own preview), which lists `dir` once at start-up and answers only
// with those files: a request cannot reach outside `dir` (`/..%2f…`, tests/unit/site/serve.test.ts).
// Around it, what a production server does for this site: a folder without its trailing slash is
// redirected to it (`trailingSlash: 'always'`), and a miss gets the site's 404 page with status 404.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** The request handler for the built site in `root`. */
export function siteHandler(root) {
	const notFound = join(root, '404.html');
	const files = sirv(root, { dev: false, etag: true, extensions: ['html'] });
	return (request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		let decoded;
		try {
			decoded = decodeURIComponent(url.pathname);
		} catch {
			decoded = '';
		}
		// Only a folder inside `root` is redirected; sirv itself serves nothing but the files it listed.
		const folder = resolve(root, `.${decoded}`);
		if (!url.pathname.endsWith('/') && folder.startsWith(root + sep) && existsSync(join(folder, 'index.html'))) {
			response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
			return;
		}
		files(request, response, () => {
			response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
			if (existsSync(notFound) && statSync(notFound).isFile()) createReadStream(notFound).pipe(response);
			else response.end();
		});
	};
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const root = resolve(process.argv[2] ?? 'dist');
	const port = Number(process.argv[3] ?? 4322);
	const host = process.env.HOST ?? '127.0.0.1';
	createServer(siteHandler(root)).listen(port, host, () => console.log(`Serving ${root} at http://${host}:${port}/`));
}
