import { describe, expect, it } from 'vitest';
import { markTableOfContentsStart } from '../../../src/site/toc-start.ts';

/*
 * Starlight 0.42's two table-of-contents components as Astro renders them (classes shortened): what our
 * overrides receive from Astro.slots.render(). The component's own script comes last, rendered with it.
 * If Starlight renders them otherwise, the `fails` cases below are what the build reports.
 */
const entries =
	'<ul class="a"><li class="a"><a href="#_top" class="a"><span class="a">Vue d’ensemble &amp; chemin</span></a></li><li class="a"><a href="#the-path" class="a"><span class="a">Le chemin</span></a></li></ul>';
const SCRIPT = (name: string) => `<script type="module" src="/_astro/${name}.astro_astro_type_script_index_0_lang.C3fM4Kra.js"></script>`;
const DESKTOP = `<starlight-toc data-min-h="2" data-max-h="3"><nav aria-labelledby="starlight__on-this-page"><h2 id="starlight__on-this-page">Sur cette page</h2>${entries}</nav></starlight-toc>${SCRIPT('TableOfContents')}`;
const MOBILE = `<mobile-starlight-toc data-min-h="2" data-max-h="3" class="b"><nav class="b"><details id="starlight__mobile-toc" class="b"><summary class="sl-flex b"><span class="toggle sl-flex b">Sur cette page</span><span class="display-current b"></span></summary><div class="dropdown b">${entries}</div></details></nav></mobile-starlight-toc>${SCRIPT('MobileTableOfContents')}`;

describe('markTableOfContentsStart', () => {
	const desktop = markTableOfContentsStart(DESKTOP, 'starlight-toc', '/fr/exposure/nodeport/');
	const mobile = markTableOfContentsStart(MOBILE, 'mobile-starlight-toc', '/fr/exposure/nodeport/');

	it('marks the title entry as the current one, and nothing else', () => {
		for (const out of [desktop, mobile]) {
			expect(out.match(/<a aria-current="true" href="#_top" class="a">/g)).toHaveLength(1);
			expect(out.match(/aria-current/g)).toHaveLength(1);
		}
	});

	it('writes that entry, as written, into the mobile bar', () => {
		expect(mobile).toContain('<span class="display-current b">Vue d’ensemble &amp; chemin</span>');
	});

	it("tags the component's own script to wait for the first interaction", () => {
		expect(desktop.endsWith('<script data-kp-after="interaction" type="module" src="/_astro/TableOfContents.astro_astro_type_script_index_0_lang.C3fM4Kra.js"></script>')).toBe(true);
		expect(mobile).toContain('<script data-kp-after="interaction" type="module" src="/_astro/MobileTableOfContents.');
	});

	it('changes nothing else', () => {
		const back = (out: string) =>
			out
				.replace(' aria-current="true"', '')
				.replace(' data-kp-after="interaction"', '')
				.replace('<span class="display-current b">Vue d’ensemble &amp; chemin</span>', '<span class="display-current b"></span>');
		expect(back(desktop)).toBe(DESKTOP);
		expect(back(mobile)).toBe(MOBILE);
	});

	it('runs once: a page already marked stays as it is', () => {
		expect(markTableOfContentsStart(desktop, 'starlight-toc')).toBe(desktop);
		expect(markTableOfContentsStart(mobile, 'mobile-starlight-toc')).toBe(mobile);
	});

	it('fails, naming the page and what Starlight changed, when the markup is not the one it knows', () => {
		const fails = (html: string, tag: 'starlight-toc' | 'mobile-starlight-toc') => () => markTableOfContentsStart(html, tag, '/en/');
		const update = 'Update src/site/toc-start.ts (and its test) to the new markup.';
		expect(fails(DESKTOP.replace(/starlight-toc/g, 'sl-toc'), 'starlight-toc')).toThrow(`/en/: Starlight changed its table of contents: its component rendered no <starlight-toc>. ${update}`);
		expect(fails(DESKTOP.replace('#_top', '#top'), 'starlight-toc')).toThrow('/en/: Starlight changed its table of contents: <starlight-toc> has no <a href="#_top"> (the page title\'s entry).');
		expect(fails(DESKTOP.replace(/<span class="a">Vue d’ensemble &amp; chemin<\/span>/, 'Vue d’ensemble'), 'starlight-toc')).toThrow(
			'<starlight-toc>\'s <a href="#_top"> has no <span> with the title',
		);
		expect(fails(MOBILE.replace('display-current', 'current'), 'mobile-starlight-toc')).toThrow(
			'/en/: Starlight changed its table of contents: <mobile-starlight-toc> has no <span class="display-current"> for the current entry.',
		);
		// The desktop one has no mobile bar: it is not asked for one.
		expect(fails(MOBILE, 'starlight-toc')).toThrow('rendered no <starlight-toc>');
	});
});
