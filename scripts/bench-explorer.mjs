// The explorer's interaction budget, for `npm run bench`: how long one control change takes, from the
// change event to the diagram, the steps, the YAML and the URL all updated (the engine stamps
// `data-update-ms` on <kp-explorer> when the last part near the screen is written) and the style and
// layout the browser then needs for it, in Chromium with the CPU slowed four times (DevTools protocol
// `Emulation.setCPUThrottlingRate`). The style and layout are forced and timed in the task of the change,
// right after the stamp: timed in the next animation frame's callback instead, they were mostly missed,
// because the browser can lay the page out before that callback runs (a hover update under the pointer
// does), and the budget then read a few tenths of a millisecond of layout for changes that cost 15 to 30.
// The changes: every atlas preset chosen in turn, then a seeded random walk over the form, each step one
// control set to one of the values it offers (a radio, a select option, a Pod count), as a reader would.
import { chromium } from '@playwright/test';
// The model's own seeded generator, so the walk is the same on every run.
import { seededRandom as random } from '../src/model/simulate.ts';

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};
const percentile = (values, p) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/**
 * Measures control changes on `url` (the explorer page). Returns the times in ms, the number of
 * changes, and the JavaScript the engine loaded on demand (gzip is measured by the caller).
 */
export async function explorerTiming({ chromePath, url, steps = 150, seed = 20261201, throttle = 4 }) {
	const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'] });
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		const errors = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto(url);
		await page.locator('kp-explorer.is-live').waitFor({ state: 'attached' });
		await page.locator('form.kp-explorer-form').hover();
		await page.locator('kp-explorer.has-engine').waitFor({ state: 'attached' });
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
		/**
		 * Sets one control in the page and waits for the engine's stamp (`data-update-ms`, its script time,
		 * from the change to everything near the screen written). The style and layout the change costs
		 * are forced and timed right after, in the same task, and counted too. Returns { script, layout,
		 * after } once the page is idle again, or undefined when nothing changed; `after` holds what the
		 * change before wrote after its frame (`data-later-ms`, `data-url-ms`, `data-form-ms`).
		 */
		const change = (selector, value) =>
			page.evaluate(
				([selector, value]) =>
					new Promise((done) => {
						const host = document.querySelector('kp-explorer');
						const control = document.querySelector(selector);
						if (!host || !control) return done(undefined);
						// What the change before wrote after its frame: the sections far from the screen, the URL.
						const after = { later: host.dataset.laterMs, url: host.dataset.urlMs, form: host.dataset.formMs };
						delete host.dataset.laterMs;
						delete host.dataset.urlMs;
						delete host.dataset.formMs;
						delete host.dataset.updateMs;
						// The engine's stamp is written in the task of the change: observed in the same task (a
						// mutation observer's callback is a microtask), the style and layout the change needs are
						// forced and timed there, before any frame could do them unseen (a hover update can lay the
						// page out before the next animation frame's callbacks run).
						const observer = new MutationObserver(() => {
							if (host.dataset.updateMs === undefined) return;
							observer.disconnect();
							clearTimeout(timeout);
							const before = performance.now();
							void document.documentElement.getBoundingClientRect();
							const timing = { script: Number(host.dataset.updateMs), layout: performance.now() - before, after };
							// The next change waits for this one's frame and for what it left to idle time.
							requestAnimationFrame(() => requestIdleCallback(() => done(timing), { timeout: 2000 }));
						});
						observer.observe(host, { attributes: true, attributeFilter: ['data-update-ms'] });
						const timeout = setTimeout(() => {
							observer.disconnect();
							done(undefined);
						}, 5000);
						if (control instanceof HTMLInputElement && control.type === 'radio') control.checked = true;
						else control.value = value;
						control.dispatchEvent(new Event('change', { bubbles: true }));
					}),
				[selector, value],
			);
		const times = [];
		const parts = [];
		const record = (t, label) => {
			if (t === undefined) return;
			parts.push({ ...t, label });
			times.push(t.script + t.layout);
		};
		const presets = await page.locator('select[name="preset"] option').evaluateAll((all) => all.map((o) => o.value).filter(Boolean));
		for (const id of presets) {
			record(await change('select[name="preset"]', id), `preset=${id}`);
		}
		const next = random(seed);
		for (let i = 0; i < steps; i++) {
			// What the form offers now: enabled radios not checked, enabled options not selected, Pod counts.
			const offers = await page.evaluate(() => {
				const out = [];
				for (const input of document.querySelectorAll('form.kp-explorer-form input[type="radio"]:not(:disabled):not(:checked)'))
					out.push([`input[name="${input.name}"][value="${input.value}"]`, input.value]);
				for (const select of document.querySelectorAll('form.kp-explorer-form select:not(:disabled)')) {
					if (select.name === 'preset') continue;
					for (const option of select.options) if (!option.disabled && !option.hidden && !option.selected) out.push([`select[name="${select.name}"]`, option.value]);
				}
				for (const input of document.querySelectorAll('form.kp-explorer-form input[type="number"]:not(:disabled)')) out.push([`#${input.id}`, String((Number(input.value) + 1) % 4)]);
				return out;
			});
			const [selector, value] = offers[Math.floor(next() * offers.length)] ?? [];
			if (selector === undefined) break;
			record(await change(selector, value), `${selector} ${value}`);
		}
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		const script = parts.map((t) => t.script);
		const layout = parts.map((t) => t.layout);
		const afterwards = (key) => {
			const values = parts
				.map((t) => t.after?.[key])
				.filter((v) => v !== undefined)
				.map(Number);
			return { median: median(values), p95: percentile(values, 95), count: values.length };
		};
		// Per control (a preset, or the parameter a change set): how often the walk changed it, and its median.
		const controls = new Map();
		for (const t of parts) {
			const name = t.label.startsWith('preset=') ? 'preset' : (/name="([^"]+)"/.exec(t.label)?.[1] ?? /^#kp-x-([a-z]+)/.exec(t.label)?.[1] ?? t.label);
			controls.set(name, [...(controls.get(name) ?? []), t.script + t.layout]);
		}
		const byControl = [...controls].map(([control, values]) => ({ control, count: values.length, median: median(values) })).sort((a, b) => b.median - a.median);
		return {
			times,
			byControl,
			// The slowest changes, for whoever works on the budget: which control, which value, which part.
			slowest: [...parts].sort((a, b) => b.script + b.layout - (a.script + a.layout)).slice(0, 10),
			median: median(times),
			p95: percentile(times, 95),
			script: { median: median(script), p95: percentile(script, 95) },
			layout: { median: median(layout), p95: percentile(layout, 95) },
			later: afterwards('later'),
			url: afterwards('url'),
			form: afterwards('form'),
			errors,
		};
	} finally {
		await browser.close();
	}
}
