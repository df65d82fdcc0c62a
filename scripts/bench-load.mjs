// The load part of `npm run bench` (`npm run bench:load` runs it alone): how many requests per second
// the production nginx configuration (deploy/nginx/, through scripts/nginx.mjs) serves, against nginx
// with its defaults serving the same dist/ and its 404.html (the yardstick: the same binary, worker count and events,
// none of our headers, compression or language routing), both on 127.0.0.1 and measured in the same run.
//
// Targets: a diagram page asked for with `Accept-Encoding: gzip` (what a browser sends), a hashed
// /_astro/ bundle (same), and an unknown page (the site's 404 page). Each at concurrency 16 and 128,
// for DURATION seconds after a short warm-up, the two servers one after the other for each target, so
// that what else the machine does weighs on both alike. The load generator is autocannon (npm), in this
// process: on a small machine it takes a CPU of its own, so the absolute figures are the machine's and
// the ratio is what the budget reads.
//
// Budget (reported, not enforced): the project's configuration holds at least 80 % of the bare
// server's requests/s for every target and concurrency, and its p99 latency is at most 20 ms at 128.
// Besides requests/s and latency, which the client shares the CPUs with the server to produce, each
// line gives the nginx workers' CPU time per request (µs, from /proc): the server's own cost.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startNginx } from './nginx.mjs';

export const LOAD_BUDGET = { ratio: 0.8, p99Ms: 20, atConnections: 128 };
const CONNECTIONS = [16, 128];

/** The three targets, found in the build: a page with a live diagram, one of its bundles, a 404. */
export function loadTargets(dist) {
	const page = '/en/exposure/nodeport/';
	const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
	if (!/<figure\b[^>]*\bdata-scenario=/.test(html)) throw new Error(`${dist}${page}index.html has no live diagram: choose another page for the load benchmark`);
	const asset = /["'](\/_astro\/[^"']+\.js)["']/.exec(html)?.[1];
	if (!asset) throw new Error(`${dist}${page}index.html names no /_astro/*.js bundle`);
	const gzip = { 'accept-encoding': 'gzip' };
	return [
		{ name: 'diagram page (gzip)', path: page, headers: gzip, status: 200 },
		{ name: 'hashed asset (gzip)', path: asset, headers: gzip, status: 200 },
		{ name: '404 page', path: '/en/no-such-page/', headers: gzip, status: 404 },
	];
}

/**
 * autocannon appends every response body to a string (`body += chunk`): decoding a gzip body as UTF-8
 * costs its one thread ten times what nginx spends sending it (measured with --cpu-prof: 0.6 ms per
 * 14 KB gzip page), so it measured itself, not the server. The benchmark reads no body: each
 * connection's parser drops them (autocannon's `setupClient` hook; the parser is http-parser-js).
 */
function dropBodies(client) {
	// The hook runs before the client sets its body handler: a setter that keeps ours.
	const drop = () => {};
	Object.defineProperty(client.parser, client.parser.constructor.kOnBody, { get: () => drop, set: () => {} });
}

function run(url, headers, connections, duration) {
	return new Promise((resolvePromise, reject) => {
		autocannon({ url, headers, connections, duration, pipelining: 1, timeout: 5, setupClient: dropBodies }, (error, result) => (error ? reject(error) : resolvePromise(result)));
	});
}

/**
 * CPU time (ms) the server's worker processes have used so far, from /proc: what a request costs the
 * server whatever the load generator costs itself (on Linux; elsewhere NaN).
 */
function workersCpuMs(masterPid) {
	let ticks = 0;
	try {
		for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
			let stat;
			try {
				stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			} catch {
				continue;
			}
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[1]) === masterPid) ticks += Number(fields[11]) + Number(fields[12]);
		}
	} catch {
		return NaN;
	}
	return ticks * 10; // USER_HZ is 100 on Linux
}

/** One target on one server: a warm-up second, then `duration` seconds measured. */
async function measure(server, target, connections, duration) {
	const url = `${server.url}${target.path}`;
	const probe = await fetch(url, { headers: target.headers });
	await probe.arrayBuffer();
	if (probe.status !== target.status) throw new Error(`${url} answered ${probe.status}, not ${target.status}`);
	await run(url, target.headers, connections, 1);
	const cpuBefore = workersCpuMs(server.pid);
	const r = await run(url, target.headers, connections, duration);
	const cpuUs = ((workersCpuMs(server.pid) - cpuBefore) * 1000) / (r['2xx'] + r['4xx']);
	const answered = r['2xx'] + r['4xx'];
	// A reset now and then on a loaded machine is reported; more than 1 % means the run is not a measure.
	const failed = r.errors + r.timeouts + r['5xx'];
	if (answered === 0 || failed > answered / 100) throw new Error(`${url}: ${r.errors} errors, ${r.timeouts} timeouts, ${r['5xx']} 5xx for ${answered} answers at concurrency ${connections}`);
	return {
		failed,
		cpuUs,
		rps: r.requests.average,
		p50: r.latency.p50,
		p99: r.latency.p99,
		encoding: probe.headers.get('content-encoding') ?? 'identity',
		bytes: r.throughput.average / r.requests.average,
	};
}

const pad = (text, width) => String(text).padEnd(width);
const lpad = (text, width) => String(text).padStart(width);
const rps = (n) => Math.round(n).toLocaleString('en-US');

/**
 * Runs the load benchmark on `dist` with nginx on `port` (project) and `port + 1` (bare); prints a
 * table and the budget lines, and returns them (`{ rows, budgets }`, each budget `{ ok, text }`).
 */
export async function loadBenchmark({ dist, port, duration = 4, log = console.log }) {
	const targets = loadTargets(dist);
	const project = await startNginx({ dist, port });
	let bare;
	try {
		bare = await startNginx({ dist, port: port + 1, bare: true });
		log(
			`load: autocannon, ${duration} s per run after 1 s of warm-up, on 127.0.0.1; project = deploy/nginx/${project.brotli ? ' (+ brotli)' : ''} at ${project.url}, bare = nginx defaults at ${bare.url}, same dist/`,
		);
		log(
			[pad('target', 22), lpad('conc.', 5), pad('  server', 10), lpad('req/s', 8), lpad('p50', 6), lpad('p99', 6), lpad('bytes', 7), lpad('µs CPU', 7), lpad('failed', 6), '  encoding'].join(
				' ',
			),
		);
		const rows = [];
		for (const target of targets) {
			for (const connections of CONNECTIONS) {
				for (const [label, server] of [
					['project', project],
					['bare', bare],
				]) {
					const m = await measure(server, target, connections, duration);
					rows.push({ target: target.name, connections, server: label, ...m });
					log(
						[
							pad(target.name, 22),
							lpad(connections, 5),
							pad(`  ${label}`, 10),
							lpad(rps(m.rps), 8),
							lpad(`${m.p50}`, 6),
							lpad(`${m.p99}`, 6),
							lpad(Math.round(m.bytes), 7),
							lpad(Number.isNaN(m.cpuUs) ? '?' : Math.round(m.cpuUs), 7),
							lpad(m.failed, 6),
							`  ${m.encoding}`,
						].join(' '),
					);
				}
			}
		}
		const budgets = [];
		for (const target of targets) {
			for (const connections of CONNECTIONS) {
				const of = (server) => rows.find((r) => r.target === target.name && r.connections === connections && r.server === server);
				const ratio = of('project').rps / of('bare').rps;
				budgets.push({
					ok: ratio >= LOAD_BUDGET.ratio,
					text: `${target.name}, concurrency ${connections}: project ${rps(of('project').rps)} req/s = ${Math.round(ratio * 100)} % of bare ${rps(of('bare').rps)} (budget ≥ ${LOAD_BUDGET.ratio * 100} %)`,
				});
			}
			const p99 = rows.find((r) => r.target === target.name && r.connections === LOAD_BUDGET.atConnections && r.server === 'project').p99;
			budgets.push({ ok: p99 <= LOAD_BUDGET.p99Ms, text: `${target.name}, concurrency ${LOAD_BUDGET.atConnections}: project p99 ${p99} ms (budget ≤ ${LOAD_BUDGET.p99Ms} ms)` });
		}
		return { rows, budgets };
	} finally {
		await bare?.stop();
		await project.stop();
	}
}
