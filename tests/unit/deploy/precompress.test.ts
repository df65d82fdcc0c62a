import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { MIN_BYTES, precompress } from '../../../src/site/precompress.ts';

/*
 * src/site/precompress.ts on a small tree: what gets a .gz and a .br, that they decompress to exactly
 * their file, that two runs give the same bytes, and that a copy left from an earlier build goes.
 * tests/nginx/ checks the same on the real build and that nginx sends these very bytes.
 */
const dir = mkdtempSync(join(tmpdir(), 'kp-precompress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = `<!doctype html><title>x</title>${'<p>NodePort, ClusterIP, kube-proxy. '.repeat(200)}`;
mkdirSync(join(dir, 'en/exposure'), { recursive: true });
mkdirSync(join(dir, 'pagefind/index'), { recursive: true });
writeFileSync(join(dir, 'en/exposure/index.html'), page);
writeFileSync(join(dir, 'app.js'), 'export const a = 1;\n'.repeat(100));
writeFileSync(join(dir, 'tiny.css'), 'p{margin:0}');
writeFileSync(join(dir, 'pagefind/index/en_1234567.pf_index'), Buffer.alloc(4096, 7));
writeFileSync(join(dir, 'random.svg'), randomBytes(600));
// Left by an earlier build whose file is gone, and one whose file is now too small.
writeFileSync(join(dir, 'gone.js.gz'), 'stale');
writeFileSync(join(dir, 'tiny.css.br'), 'stale');

describe('precompress', () => {
	it('writes .gz and .br beside compressible files of MIN_BYTES or more, each decompressing to its file', async () => {
		const result = await precompress(dir);
		expect(result.files).toBe(2);
		for (const file of ['en/exposure/index.html', 'app.js']) {
			const original = readFileSync(join(dir, file));
			expect(gunzipSync(readFileSync(join(dir, `${file}.gz`))).equals(original), `${file}.gz`).toBe(true);
			expect(brotliDecompressSync(readFileSync(join(dir, `${file}.br`))).equals(original), `${file}.br`).toBe(true);
			expect(statSync(join(dir, `${file}.br`)).size).toBeLessThan(original.length / 5);
		}
		expect(statSync(join(dir, 'tiny.css')).size).toBeLessThan(MIN_BYTES);
		for (const skipped of ['tiny.css', 'pagefind/index/en_1234567.pf_index']) for (const suffix of ['.gz', '.br']) expect(existsSync(join(dir, skipped + suffix)), skipped + suffix).toBe(false);
		// Incompressible: a copy larger than the file is not written (the server would send more bytes).
		for (const suffix of ['.gz', '.br']) expect(existsSync(join(dir, `random.svg${suffix}`))).toBe(false);
		expect(existsSync(join(dir, 'gone.js.gz')), 'stale copy removed').toBe(false);
	});

	it('is deterministic: a second run gives the same bytes, with no timestamp in the gzip header', async () => {
		const first = readFileSync(join(dir, 'en/exposure/index.html.gz'));
		const firstBr = readFileSync(join(dir, 'en/exposure/index.html.br'));
		await new Promise((r) => setTimeout(r, 1100));
		await precompress(dir);
		expect(readFileSync(join(dir, 'en/exposure/index.html.gz')).equals(first)).toBe(true);
		expect(readFileSync(join(dir, 'en/exposure/index.html.br')).equals(firstBr)).toBe(true);
		// RFC 1952: bytes 4-7 are MTIME, 0 when there is none.
		expect(first.readUInt32LE(4)).toBe(0);
	});
});
