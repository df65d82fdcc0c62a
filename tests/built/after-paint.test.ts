import { expect, it } from 'vitest';
import { checkBuiltPage } from '../../src/site/after-paint.ts';
import { parseWithOffsets, elements, attribute } from '../../src/site/html-parse.ts';
import { BUILT_PAGES, readBuilt } from './dist.ts';

/*
 * What the after-paint build step (src/site/after-paint.ts) leaves in every built page, read from the
 * files: the loader's list, found in Astro's and Starlight's markup, and the element the first paint
 * waits for. How a browser then loads the page is tests/e2e/after-paint.spec.ts's.
 */

it("every built page has what the after-paint plugin finds in Astro's and Starlight's markup", () => {
	// The build checks the same (astro:build:done); here it is checked on the files it wrote. Each
	// problem names what Astro or Starlight changed and the file to update.
	const problems: string[] = [];
	let waiting = 0;
	for (const path of BUILT_PAGES) {
		const found = checkBuiltPage(readBuilt(path), path);
		problems.push(...found.problems);
		if ((found.list?.interaction.length ?? 0) > 0) waiting++;
	}
	expect(problems).toEqual([]);
	expect(waiting, 'pages whose table of contents waits for the first interaction').toBeGreaterThan(BUILT_PAGES.length / 2);
});

it('every page has the element its first paint waits for', () => {
	for (const path of BUILT_PAGES) {
		if (path === '/') continue; // the language chooser: no Starlight head
		const all = [...elements(parseWithOffsets(readBuilt(path)))];
		const expected = all.filter((el) => el.tagName === 'link' && attribute(el, 'rel') === 'expect' && attribute(el, 'blocking') === 'render').map((el) => attribute(el, 'href') ?? '');
		expect(expected, `${path}: one <link rel="expect" blocking="render">`).toHaveLength(1);
		expect(expected[0], `${path}: the link names an element by its id`).toMatch(/^#./);
		const id = expected[0]!.slice(1);
		expect(
			all.some((el) => attribute(el, 'id') === id),
			`${path}: #${id} exists, or the first paint would wait for the whole page`,
		).toBe(true);
	}
});
