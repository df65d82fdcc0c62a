import type { Locator } from '@playwright/test';

/** One run of text (or one icon) whose contrast was measured in the page. */
export interface ContrastSample {
	/** What was measured: the text itself, or a description of the element. */
	what: string;
	/** CSS classes of the element that paints it, to find the rule to change. */
	classes: string;
	foreground: string;
	background: string;
	ratio: number;
	required: number;
}

/**
 * Measures, in the page, the contrast of everything axe cannot see inside a live diagram:
 *
 * - every run of SVG text (axe reads CSS `color`, but SVG text is painted with `fill`), composited the way
 *   the browser paints it: the text's own `fill`, the halo (`paint-order: stroke`) or the shape under it
 *   inside the same group, then the whole group at its `opacity` (the dimmed hops) over what lies below;
 * - the hop lines, dimmed or not (a graphic: 3:1);
 * - the step numbers of the list, drawn by a `::before` pseudo-element that axe skips;
 * - the icons of the control buttons (non-text contrast, 3:1) and their text (4.5:1).
 *
 * Colours are normalised through a 2D canvas, so `color-mix()`, `oklch()` and the like all work.
 */
export async function diagramContrast(diagram: Locator): Promise<ContrastSample[]> {
	return diagram.evaluate((root) => {
		type Rgba = [number, number, number, number];
		const canvas = document.createElement('canvas');
		canvas.width = canvas.height = 1;
		const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
		const parse = (css: string): Rgba => {
			if (!css || css === 'none' || css === 'transparent') return [0, 0, 0, 0];
			ctx.clearRect(0, 0, 1, 1);
			ctx.fillStyle = '#000';
			ctx.fillStyle = css;
			ctx.fillRect(0, 0, 1, 1);
			const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
			return [r!, g!, b!, a! / 255];
		};
		/** `top` painted over `bottom`. */
		const over = (top: Rgba, bottom: Rgba): Rgba => {
			const a = top[3] + bottom[3] * (1 - top[3]);
			if (a === 0) return [0, 0, 0, 0];
			const mix = (i: 0 | 1 | 2) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
			return [mix(0), mix(1), mix(2), a];
		};
		const withAlpha = (c: Rgba, alpha: number): Rgba => [c[0], c[1], c[2], c[3] * alpha];
		const luminance = (c: Rgba) => {
			const lin = (v: number) => {
				const s = v / 255;
				return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			};
			return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
		};
		const ratio = (a: Rgba, b: Rgba) => {
			const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
			return (l1 + 0.05) / (l2 + 0.05);
		};
		const hex = (c: Rgba) =>
			`rgb(${c
				.slice(0, 3)
				.map((v) => Math.round(v))
				.join(' ')}${c[3] < 0.999 ? ` / ${c[3].toFixed(2)}` : ''})`;
		const opacityOf = (el: Element) => Number(getComputedStyle(el).opacity);
		const pageBase = (): Rgba => {
			for (const el of [document.body, document.documentElement]) {
				const c = parse(getComputedStyle(el).backgroundColor);
				if (c[3] > 0) return over(c, [255, 255, 255, 1]);
			}
			return [255, 255, 255, 1];
		};
		/** The paint of one element as a layer under some text, or undefined if it paints nothing there. */
		const paintOf = (el: Element): Rgba | undefined => {
			if (el instanceof SVGGeometryElement && !(el instanceof SVGTextContentElement)) {
				const style = getComputedStyle(el);
				const fill = withAlpha(parse(style.fill), Number(style.fillOpacity));
				return fill[3] > 0 ? fill : undefined;
			}
			if (el instanceof HTMLElement || el instanceof SVGSVGElement) {
				const bg = parse(getComputedStyle(el).backgroundColor);
				return bg[3] > 0 ? bg : undefined;
			}
			return undefined;
		};
		/** The composite of the painted layers under a point, bottom-up, each at the product of its ancestors' opacity. */
		const composite = (layers: Element[], base: Rgba, alphaOf: (el: Element) => number): Rgba => {
			let out = base;
			for (const el of [...layers].reverse()) {
				const paint = paintOf(el);
				if (paint) out = over(withAlpha(paint, alphaOf(el)), out);
			}
			return out;
		};
		const opacityChain = (el: Element, stop: Element | null) => {
			let alpha = 1;
			for (let node: Element | null = el; node && node !== stop; node = node.parentElement) alpha *= opacityOf(node);
			return alpha;
		};
		const samples: ContrastSample[] = [];

		// 1. SVG text, run by run.
		const svg = root.querySelector('svg.kp-svg');
		const walker = svg ? document.createTreeWalker(svg, NodeFilter.SHOW_TEXT) : null;
		for (let node = walker?.nextNode(); node; node = walker?.nextNode()) {
			const owner = node.parentElement;
			if (!(owner instanceof SVGTextContentElement) || !node.textContent?.trim()) continue;
			// The box of the element that paints the run (a <tspan> or its <text>): SVG text ranges can report odd boxes.
			owner.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' }); // elementsFromPoint sees only the viewport
			const box = owner.getBoundingClientRect();
			if (box.width === 0 || box.height === 0) continue;
			const style = getComputedStyle(owner);
			// The nearest group that fades as a whole (a dimmed hop), if any.
			let group: Element | null = null;
			for (let el: Element | null = owner; el && el !== svg; el = el.parentElement) if (opacityOf(el) < 1) group = el;
			const groupAlpha = group ? opacityChain(group, svg) : 1;
			const stack = document.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2);
			const start = stack.findIndex((el) => el === owner || el.contains(owner) || owner.contains(el));
			const below = stack.slice(start < 0 ? 0 : start + 1).filter((el) => !el.contains(owner) || paintOf(el));
			const inside = below.filter((el) => group?.contains(el));
			const outside = below.filter((el) => !group?.contains(el));
			const base = composite(outside, pageBase(), (el) => opacityChain(el, null));
			const halo = style.paintOrder.startsWith('stroke') && style.stroke !== 'none' && parseFloat(style.strokeWidth) >= 2;
			// Inside the group everything is painted at full strength, then the group is blended at once.
			const localBg = halo ? parse(style.stroke) : composite(inside, [0, 0, 0, 0], (el) => opacityChain(el, group));
			const localFg = over(withAlpha(parse(style.fill), Number(style.fillOpacity) * opacityChain(owner, group ?? svg)), localBg);
			const fg = over(withAlpha(localFg, groupAlpha), base);
			const bg = over(withAlpha(localBg, groupAlpha), base);
			samples.push({
				what: `SVG text “${node.textContent.trim()}”${group ? ` (in a group at opacity ${groupAlpha.toFixed(2)})` : ''}`,
				classes: `${owner.getAttribute('class') ?? owner.tagName}${group ? ` in .${[...group.classList].join('.')}` : ''}`,
				foreground: hex(fg),
				background: hex(bg),
				ratio: ratio(fg, bg),
				required: 4.5,
			});
		}

		// 2. The hop lines, a graphic the diagram needs (non-text contrast, 3:1), dimmed or not.
		for (const line of root.querySelectorAll<SVGPathElement>('svg.kp-svg .kp-hop-line')) {
			const hop = line.closest('.kp-hop') ?? line;
			line.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
			const matrix = line.getScreenCTM();
			if (!matrix) continue;
			const mid = line.getPointAtLength(line.getTotalLength() / 2).matrixTransform(matrix);
			const below = document.elementsFromPoint(mid.x, mid.y).filter((el) => !hop.contains(el) && !el.contains(hop));
			const bg = composite(below, pageBase(), (el) => opacityChain(el, null));
			const style = getComputedStyle(line);
			const fg = over(withAlpha(parse(style.stroke), Number(style.strokeOpacity) * opacityChain(line, null)), bg);
			samples.push({
				what: `line of hop ${hop.getAttribute('data-hop') ?? ''}${hop.classList.contains('is-active') ? ' (active)' : ''}`,
				classes: `${line.getAttribute('class') ?? 'path'} in .${[...hop.classList].join('.')}`,
				foreground: hex(fg),
				background: hex(bg),
				ratio: ratio(fg, bg),
				required: 3,
			});
		}

		// 3. The step numbers (`li::before`), which axe does not check.
		for (const li of root.querySelectorAll('ol.kp-steps > li')) {
			li.scrollIntoView({ block: 'center', behavior: 'instant' });
			const before = getComputedStyle(li, '::before');
			const under = composite(
				document.elementsFromPoint(li.getBoundingClientRect().x + 2, li.getBoundingClientRect().y + 2).filter((el) => el === li || el.contains(li)),
				pageBase(),
				() => 1,
			);
			const bg = over(parse(before.backgroundColor), under);
			const fg = over(parse(before.color), bg);
			samples.push({
				what: `step number ${li.id}${li.getAttribute('aria-current') ? ' (current)' : ''}`,
				classes: 'ol.kp-steps > li::before',
				foreground: hex(fg),
				background: hex(bg),
				ratio: ratio(fg, bg),
				required: 4.5,
			});
		}

		// 4. The control buttons: their icon (3:1, a graphic) or text (4.5:1) against their own background.
		for (const button of root.querySelectorAll<HTMLButtonElement>('.kp-controls button')) {
			if (button.disabled) continue; // inactive controls are exempt (WCAG 1.4.3 / 1.4.11)
			button.scrollIntoView({ block: 'center', behavior: 'instant' });
			const box = button.getBoundingClientRect();
			const stack = document.elementsFromPoint(box.x + 3, box.y + box.height / 2);
			const bg = composite(
				stack.filter((el) => el === button || el.contains(button)),
				pageBase(),
				(el) => opacityChain(el, null),
			);
			const fg = over(withAlpha(parse(getComputedStyle(button).color), opacityChain(button, null)), bg);
			const hasText = Boolean(button.textContent?.trim());
			samples.push({
				what: `button “${button.getAttribute('aria-label') ?? button.textContent?.trim()}” ${hasText ? 'text' : 'icon'}`,
				classes: button.className,
				foreground: hex(fg),
				background: hex(bg),
				ratio: ratio(fg, bg),
				required: hasText ? 4.5 : 3,
			});
		}
		return samples;
	});
}
