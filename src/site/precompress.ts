/*
 * Precompressed copies of the built site, for servers that send them as they are (nginx `gzip_static`
 * and `brotli_static`, see deploy/nginx/; most CDNs and static hosts do the same): beside every
 * compressible file of at least MIN_BYTES, `<file>.gz` (zlib, level 9) and `<file>.br` (brotli,
 * quality 11), each written only when it is smaller than the file. Compressing once at build time
 * instead of at every request is what lets nginx serve a page at the speed it serves any file
 * (figures: README.md, "Deploy").
 *
 * Deterministic: the same input gives the same bytes (Node's gzip header carries no file name and a
 * zero timestamp; brotli has neither), so two builds of the same commit are byte-identical.
 *
 * It must run after every step that writes files in `astro:build:done` (Starlight's Pagefind, the
 * sitemap): astro.config.mjs lists it last, and Astro runs the integrations' hooks one after the other
 * in that order. (The after-paint plugin, src/site/after-paint.ts, changes the HTML as each page is
 * rendered, and only reads it at `astro:build:done`.)
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { filesUnder } from './files.ts';

/** Below this, compression saves less than the response headers weigh (nginx's gzip_min_length). */
export const MIN_BYTES = 256;

/**
 * What is worth compressing: text formats. Pagefind's index files (`.pf_*`, `.pagefind`) are gzip
 * inside already; images other than SVG are compressed formats.
 */
export const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|webmanifest|map)$/;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Asynchronous, so that the files are compressed in parallel on libuv's thread pool. */
export const ENCODINGS = [
	{ suffix: '.gz', compress: (data: Buffer): Promise<Buffer> => gzipAsync(data, { level: 9 }) },
	{
		suffix: '.br',
		compress: (data: Buffer): Promise<Buffer> =>
			brotliAsync(data, {
				params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
			}),
	},
] as const;

export interface PrecompressResult {
	/** Files that got at least one compressed copy. */
	readonly files: number;
	readonly bytes: number;
	readonly gzipBytes: number;
	readonly brotliBytes: number;
}

/**
 * Writes the `.gz` and `.br` copies for every compressible file under `dir` and removes any left from
 * an earlier run that no longer fits (a stale copy would be served in place of the new file).
 */
export async function precompress(dir: string): Promise<PrecompressResult> {
	const all = filesUnder(dir).map((file) => join(dir, file));
	const suffixes = ENCODINGS.map((e) => e.suffix);
	const stale = all.filter((f) => suffixes.some((s) => f.endsWith(s)));
	await Promise.all(stale.map((f) => unlink(f)));
	const sizes = { '.gz': 0, '.br': 0 };
	const done = await Promise.all(
		all
			.filter((f) => COMPRESSIBLE.test(f))
			.map(async (file) => {
				const data = await readFile(file);
				if (data.length < MIN_BYTES) return 0;
				let wrote = false;
				for (const { suffix, compress } of ENCODINGS) {
					const packed = await compress(data);
					if (packed.length >= data.length) continue;
					await writeFile(`${file}${suffix}`, packed);
					sizes[suffix] += packed.length;
					wrote = true;
				}
				return wrote ? data.length : 0;
			}),
	);
	const count = done.filter((n) => n > 0).length;
	const bytes = done.reduce((a, b) => a + b, 0);
	return { files: count, bytes, gzipBytes: sizes['.gz'], brotliBytes: sizes['.br'] };
}

/** The Astro integration: list it after every integration that rewrites the built files. */
export function precompressed(): AstroIntegration {
	return {
		name: 'kube-paths:precompress',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const r = await precompress(fileURLToPath(dir));
				const kb = (n: number) => `${Math.round(n / 1024)} KB`;
				logger.info(`${r.files} files (${kb(r.bytes)}) precompressed: ${kb(r.gzipBytes)} gzip, ${kb(r.brotliBytes)} brotli, in ${Math.round(performance.now() - started)} ms`);
			},
		},
	};
}
