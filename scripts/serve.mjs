// A minimal static server for the built site: `node scripts/serve.mjs [dir] [port]`. The browser
// tests use it instead of `astro preview` to prove that `dist/` works behind any static server.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4322);
const host = process.env.HOST ?? '127.0.0.1';
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.woff2': 'font/woff2',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.wasm': 'application/wasm',
	'.pf_fragment': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_meta': 'application/octet-stream',
	'.pagefind': 'application/octet-stream',
};

createServer((request, response) => {
	const url = new URL(request.url ?? '/', 'http://localhost');
	let path = normalize(join(root, decodeURIComponent(url.pathname)));
	if (!path.startsWith(root)) {
		response.writeHead(403).end();
		return;
	}
	if (existsSync(path) && statSync(path).isDirectory()) {
		if (!url.pathname.endsWith('/')) {
			response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
			return;
		}
		path = join(path, 'index.html');
	}
	const found = existsSync(path) && statSync(path).isFile();
	const file = found ? path : join(root, '404.html');
	response.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
	createReadStream(file).pipe(response);
}).listen(port, host, () => console.log(`Serving ${root} at http://${host}:${port}/`));
