// The request simulation's budget, for `npm run bench`: 10,000 requests simulated and shown, from the
// form's submit to the result written and laid out (the engine stamps `data-sim-ms` when the result is
// written; the page then forces the layout it causes), in Chromium with the CPU slowed four times
// (DevTools protocol `Emulation.setCPUThrottlingRate`), over a few setups that spread differently:
// the explorer's default (a load balancer, `Local`), `Cluster` with affinity, a Gateway with several
// backends, kubectl proxy, and a NodePort that drops everything.
import { chromium } from '@playwright/test';

const SETUPS = [
	'',
	'?entry=loadbalancer&nodes=5&pods=5,5,5,5,5&etp=cluster&lb=proxy&targets=nodes&affinity=clientip',
	'?entry=gateway&front=loadbalancer&nodes=4&pods=1,1,1,0&backends=0,2,3,1;1,1,1,1&routes=2',
	'?entry=kubectl-proxy&nodes=2&pods=3,2',
	'?entry=nodeport&nodes=3&pods=2,1,0&via=3&etp=local',
];

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};

/** Times `runs` simulations of 10,000 requests from 100 clients per setup on the explorer at `url`. */
export async function simulationTiming({ chromePath, url, runs = 5, throttle = 4 }) {
	const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'] });
	const times = [];
	const errors = [];
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		page.on('pageerror', (error) => errors.push(error.message));
		for (const setup of SETUPS) {
			await page.goto(`${url}${setup}`);
			await page.locator('kp-explorer.is-live').waitFor({ state: 'attached' });
			await page.locator('form.kp-sim-form').hover();
			await page.locator('kp-explorer.has-engine').waitFor({ state: 'attached' });
			const cdp = await page.context().newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
			for (let run = 0; run < runs; run++) {
				const time = await page.evaluate(
					(seed) =>
						new Promise((done) => {
							const host = document.querySelector('kp-explorer');
							const form = document.querySelector('form.kp-sim-form');
							if (!host || !form) return done(undefined);
							form.querySelector('input[name="requests"]').value = '10000';
							form.querySelector('input[name="clients"]').value = '100';
							form.querySelector('input[name="seed"]').value = String(seed);
							delete host.dataset.simMs;
							const observer = new MutationObserver(() => {
								if (host.dataset.simMs === undefined) return;
								observer.disconnect();
								void document.body.offsetHeight;
								done(performance.now() - started);
							});
							observer.observe(host, { attributes: true, attributeFilter: ['data-sim-ms'] });
							// A reader's typing is drawn before their click: the values set just above are too
							// (style and layout brought up to date) before the clock starts.
							void document.body.offsetHeight;
							const started = performance.now();
							form.requestSubmit();
							setTimeout(() => done(undefined), 10_000);
						}),
					run + 1,
				);
				if (time === undefined) errors.push(`${setup || 'the default setup'}: no result within 10 s`);
				else times.push(time);
			}
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		}
		return { times, median: median(times), errors };
	} finally {
		await browser.close();
	}
}
