import { expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.ts';
import { stepsFor } from '../../src/i18n/steps.ts';
import { scenarios } from '../../src/model/scenarios/index.ts';
import { attribute, classesOf as classOf, elements, parseWithOffsets, textOf, type Element } from '../../src/site/html-parse.ts';
import { DIAGRAM_PAGES } from '../e2e/helpers.ts';
import { readBuilt } from './dist.ts';

/*
 * Each atlas diagram as the HTML gives it, before any script: the picture with its title, one hop per
 * step, and every step as text in the list (its id, where the packet goes, its words), the first one
 * marked current. What only a browser can tell (the picture shown, the controls hidden without
 * JavaScript, no hop faded) is tests/e2e/diagram.spec.ts's, "without JavaScript".
 */

/** Text as a browser lays it out on one line: runs of HTML white space as one space (no-break spaces kept: French needs them where they are). */
const squeeze = (text: string) => text.replace(/[ \t\n\f\r]+/g, ' ').trim();

for (const { scenario, locale, path } of DIAGRAM_PAGES) {
	it(`${path}: the whole ${scenario} diagram and every step as text, in the HTML`, () => {
		const steps = stepsFor(scenarios[scenario], locale);
		const all = [...elements(parseWithOffsets(readBuilt(path)))];
		const figures = all.filter((el) => el.tagName === 'figure' && attribute(el, 'data-scenario') === scenario);
		expect(figures, `${path}: figure[data-scenario="${scenario}"]`).toHaveLength(1);
		const inFigure = [...elements(figures[0]!)];
		const svg = inFigure.find((el) => el.tagName === 'svg' && attribute(el, 'role') === 'img');
		expect(svg, `${path}: the diagram's <svg role="img">`).toBeDefined();
		const title = [...elements(svg!)].find((el) => el.tagName === 'title');
		expect(squeeze(textOf(title!)), `${path}: the diagram's <title>`).toBe(messages[locale].diagram.title(messages[locale].scenario[scenario].title));
		const hops = inFigure.filter((el) => attribute(el, 'data-hop') !== undefined);
		expect(
			hops.map((hop) => attribute(hop, 'data-hop')),
			`${path}: one [data-hop] per step, in order`,
		).toEqual(steps.map((step) => step.id));
		const list = inFigure.find((el) => el.tagName === 'ol' && classOf(el).includes('kp-steps'));
		const items = (list?.childNodes ?? []).filter((node): node is Element => node.nodeName === 'li');
		expect(items, `${path}: one list item per step`).toHaveLength(steps.length);
		for (const [i, step] of steps.entries()) {
			const item = items[i]!;
			expect(attribute(item, 'id'), `${path}: step ${i + 1}'s id`).toBe(step.id);
			expect(squeeze(textOf(hops[i]!)), `${path}#${step.id}: the hop names where the packet goes`).toContain(squeeze(step.destination));
			expect(squeeze(textOf(item)), `${path}#${step.id}: the step names where the packet goes`).toContain(squeeze(step.destination));
			const body = [...elements(item)].find((el) => classOf(el).includes('kp-step-body'));
			expect(squeeze(textOf(body!)), `${path}#${step.id}: the step's words`).toBe(squeeze(step.body.replaceAll('`', '')));
		}
		expect(attribute(items[0]!, 'aria-current'), `${path}: the first step is the current one`).toBe('step');
		expect(
			items.slice(1).filter((item) => attribute(item, 'aria-current') !== undefined),
			`${path}: only the first step is current`,
		).toEqual([]);
		// No hop fades without the island; the first one is highlighted, as the first step is.
		expect(
			hops.filter((hop) => classOf(hop).includes('is-active')).map((hop) => attribute(hop, 'data-hop')),
			`${path}: the active hop`,
		).toEqual([steps[0]!.id]);
	});
}
