/*
 * The one walker of a folder tree: the build steps (src/site/after-paint.ts, precompress.ts), the
 * scripts (scripts/bench.mjs, csp-hashes.mjs) and the tests that go over the built site or the pages'
 * sources all list files with it, so they agree on what counts as a file, how its path is written and
 * in which order the files come:
 * - a file is a regular file: folders, and symbolic links (to a file or a folder), are not listed;
 * - paths are relative to the folder walked, with `/` whatever the system (`en/exposure/index.html`);
 * - sorted (UTF-16 code-unit order), so that a build step or a test does the same thing in the same
 *   order on every machine.
 *
 * Erasable TypeScript only (no enum, no parameter property): the scripts run it under plain
 * `node scripts/….mjs`, which strips the types (Node 24).
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/*
 * By hand rather than `readdirSync(dir, { recursive: true })`, which goes into a symbolic link to a
 * folder (listing its files a second time, or forever for a link to a parent).
 */
function walk(dir: string, keep: (entry: Dirent) => boolean): string[] {
	const found: string[] = [];
	const visit = (folder: string) => {
		for (const entry of readdirSync(join(dir, folder), { withFileTypes: true })) {
			const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
			if (keep(entry)) found.push(path);
			if (entry.isDirectory()) visit(path);
		}
	};
	visit('');
	return found.sort();
}

/**
 * Every file under `dir` whose name ends with `suffix` (all files without one), at any depth: paths
 * relative to `dir`, with `/`, sorted. `filesUnder('dist', '.html')` → `['404.html', 'en/index.html', …]`.
 */
export function filesUnder(dir: string, suffix = ''): string[] {
	return walk(dir, (entry) => entry.isFile() && entry.name.endsWith(suffix));
}

/** Every folder under `dir`, at any depth (not `dir` itself): relative, with `/`, sorted (`en`, `en/exposure`, …). */
export function foldersUnder(dir: string): string[] {
	return walk(dir, (entry) => entry.isDirectory());
}

/**
 * The URL path a static server serves a built file at, from its path relative to the build folder:
 * a folder's `index.html` is the folder (`en/exposure/nodeport/index.html` → `/en/exposure/nodeport/`,
 * `index.html` → `/`); any other file is itself (`404.html` → `/404.html`).
 */
export function servedPath(file: string): string {
	return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}
