import { describe, expect, it } from 'vitest';
import { mergeResults, queryVariants, sections, type PagefindFragment } from '../../../src/site/search-results.ts';

/*
 * A page as Pagefind indexes it, written by hand: an intro, a heading, a diagram's two steps (`<li id>`
 * anchors, whose `text` is only their inline title), the prose under the diagram, another heading.
 */
const words = [
	'Intro',
	'about',
	'NodePort',
	'here.', // 0-3: before any heading
	'The',
	'path', // 4-5: h2 #the-path
	'Client',
	'connects.',
	'It',
	'opens',
	'TCP.', // 6-10: step 1
	'Rewritten',
	'to',
	'a',
	'Pod.',
	'DNAT',
	'happens',
	'here.', // 11-17: step 2 (the last)
	...Array.from({ length: 30 }, (_, i) => `filler${i}`), // 18-47: the prose under the diagram
	'SNAT',
	'explained',
	'in',
	'prose.', // 48-51
	'Pitfalls',
	'NodePort',
	'again.', // 52-54: h2 #pitfalls
];
const fragment = (locations: number[]): PagefindFragment => ({
	url: '/en/exposure/nodeport/',
	content: words.join(' '),
	meta: { title: 'NodePort Service' },
	anchors: [
		{ element: 'h1', id: '_top', text: 'NodePort Service', location: 0 },
		{ element: 'h2', id: 'the-path', text: 'The path', location: 4 },
		{ element: 'li', id: 'client-to-nodeport-a', text: 'Client connects.', location: 6 },
		{ element: 'li', id: 'kube-proxy-a-to-web-1', text: 'Rewritten to a Pod.', location: 11 },
		{ element: 'h2', id: 'pitfalls', text: 'Pitfalls', location: 52 },
		{ element: 'div', id: 'not-a-section', location: 20 },
	],
	weighted_locations: locations.map((location, i) => ({ location, weight: 1, balanced_score: 10 - i })),
});

describe('sections: where a match is on its page', () => {
	it('a word in a step gives that step, linked to its #<from>-to-<to> anchor', () => {
		const [first, ...rest] = sections(fragment([15]));
		expect(rest).toEqual([]);
		expect(first).toMatchObject({ kind: 'step', url: '/en/exposure/nodeport/#kube-proxy-a-to-web-1', title: 'Rewritten to a Pod.' });
		expect(first!.excerpt.filter((part) => part.mark).map((part) => part.text)).toEqual(['DNAT']);
	});

	it('a word in the prose under the diagram belongs to the heading above it, not to the last step', () => {
		const [first] = sections(fragment([48]));
		expect(first).toMatchObject({ kind: 'heading', url: '/en/exposure/nodeport/#the-path', title: 'The path' });
		expect(first!.excerpt.map((part) => part.text).join('')).toContain('SNAT');
	});

	it('the intro is the page itself; a later heading its own section; best score first', () => {
		const found = sections(fragment([53, 2, 7]));
		expect(found.map((section) => [section.kind, section.url])).toEqual([
			['heading', '/en/exposure/nodeport/#pitfalls'],
			['page', '/en/exposure/nodeport/'],
			['step', '/en/exposure/nodeport/#client-to-nodeport-a'],
		]);
	});

	it('an excerpt stays inside its step and marks every match', () => {
		const [step] = sections(fragment([6, 9]));
		const text = step!.excerpt.map((part) => part.text).join('');
		expect(text).toBe('Client connects. It opens TCP.');
		expect(step!.excerpt.filter((part) => part.mark).map((part) => part.text)).toEqual(['Client', 'opens']);
	});
});

describe('queryVariants: ligatures a keyboard lacks', () => {
	it('“noeud” is also searched as « nœud », “coeur” as « cœur », “ex aequo” as « ex æquo »', () => {
		expect(queryVariants('noeud')).toEqual(['noeud', 'nœud']);
		expect(queryVariants(' Coeur ')).toEqual(['Coeur', 'Cœur']);
		expect(queryVariants('ex aequo')).toEqual(['ex aequo', 'ex æquo']);
	});
	it('a query without “oe” or “ae” is searched once, and an empty one not at all', () => {
		expect(queryVariants('équilibreur')).toEqual(['équilibreur']);
		expect(queryVariants('  ')).toEqual([]);
	});
});

describe('mergeResults', () => {
	it('keeps one entry per page, with its best score, best first', () => {
		const merged = mergeResults([
			[
				{ id: 'a', score: 1 },
				{ id: 'b', score: 5 },
			],
			[
				{ id: 'a', score: 3 },
				{ id: 'c', score: 2 },
			],
		]);
		expect(merged).toEqual([
			{ id: 'b', score: 5 },
			{ id: 'a', score: 3 },
			{ id: 'c', score: 2 },
		]);
	});
});
