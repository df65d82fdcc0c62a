// The load part of `npm run bench` (`npm run bench:load` runs it alone): how many requests per second
// the production nginx configuration (deploy/nginx/, through scripts/nginx.mjs) serves, against nginx
// with its defaults serving the same dist/ and its 404.html (the yardstick: the same binary, worker count and events,
// none of our headers, compression or language routing), both on 127.0.0.1 and measured in the same run.
//
// Targets: a diagram page asked for with `Accept-Encoding: gzip` (what a browser sends), a hashed
// /_astro/ bundle (same), and an unknown page (the site's 404 page). Each at concurrency 16 and 128,
// after a second of warm-up, in three runs of three seconds per server, the two servers' runs
// alternated, so that what else the machine does weighs on both alike; the median run is read.
//
// The load generator is wrk (C, one thread; Debian's `wrk`, installed with apt-get as root like nginx
// when it is missing), and autocannon (npm, in this process) where wrk cannot be had. On two CPUs
// autocannon measured itself: it tops out near 11,000 responses/s of the 18 KB diagram page, and its own
// event loop stalls (p99 12–32 ms, measured with monitorEventLoopDelay during the runs) were the p99 it
// reported; wrk, on the same server in the same minute, had 41,000–49,000 responses/s with p99 4–9 ms.
// With autocannon the table says so, and gives its event-loop p99 beside each line.
//
// Budget (reported, not enforced): the project's configuration holds at least 80 % of the bare
// server's requests/s for every target and concurrency, and its p99 latency is at most 20 ms at 128.
// Besides requests/s and latency, which the client shares the CPUs with the server to produce, each
// line gives the nginx workers' CPU time per request (µs, from /proc): the server's own cost.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
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

/** autocannon, in this process; `loopP99` is this process's own event-loop delay meanwhile (ms). */
function autocannonRun(url, headers, connections, duration) {
	const loop = monitorEventLoopDelay({ resolution: 1 });
	loop.enable();
	return new Promise((resolvePromise, reject) => {
		autocannon({ url, headers, connections, duration, pipelining: 1, timeout: 5, setupClient: dropBodies }, (error, r) => {
			loop.disable();
			if (error) return reject(error);
			resolvePromise({
				answered: r['2xx'] + r['4xx'],
				failed: r.errors + r.timeouts + r['5xx'],
				rps: r.requests.average,
				p50: r.latency.p50,
				p99: r.latency.p99,
				bytes: r.throughput.average / r.requests.average,
				loopP99: loop.percentile(99) / 1e6,
			});
		});
	});
}

// wrk's report, as one JSON line from its `done` hook: latencies in µs; `status` counts answers that are
// not 2xx/3xx (the 404 target's are all 404: the probe checks the status, the count is not a failure there).
const WRK_REPORT = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"duration":%d,"bytes":%d,"p50":%d,"p99":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
`;

/** wrk, one thread, as a child process; the same figures as autocannonRun, latencies rounded to ms like it. */
function wrkRun(wrk, script, url, headers, connections, duration, expected) {
	const args = ['-t1', `-c${connections}`, `-d${duration}s`, '--timeout', '5s', '-s', script];
	for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
	args.push(url);
	return new Promise((resolvePromise, reject) => {
		const child = spawn(wrk, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.stderr.on('data', (chunk) => (out += chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			const line = out.split('\n').find((l) => l.startsWith('{"requests"'));
			if (code !== 0 || !line) return reject(new Error(`wrk ${args.join(' ')} exited ${code}:\n${out}`));
			const w = JSON.parse(line);
			const notOk = expected >= 400 ? 0 : w.status;
			resolvePromise({
				answered: w.requests,
				failed: w.connect + w.read + w.write + w.timeout + notOk,
				rps: w.requests / (w.duration / 1e6),
				p50: Math.round(w.p50 / 1000),
				p99: Math.round(w.p99 / 1000),
				bytes: w.bytes / w.requests,
				loopP99: undefined,
			});
		});
	});
}

/**
 * The load generator: wrk where it is on PATH or can be installed (as root, with apt-get), else
 * autocannon. Returns `{ name, run(url, headers, connections, duration, expectedStatus), close() }`.
 */
export function loadClient({ log = console.log } = {}) {
	const has = () => spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).stdout.trim();
	let wrk = has();
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!wrk && root && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0) {
		log('load: installing wrk with apt-get (the load generator).');
		if (spawnSync('apt-get', ['install', '-y', '-qq', 'wrk'], { stdio: 'ignore' }).status !== 0) {
			spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
			spawnSync('apt-get', ['install', '-y', '-qq', 'wrk'], { stdio: 'ignore' });
		}
		wrk = has();
	}
	if (!wrk) {
		return {
			name: 'autocannon (npm, in this process: no wrk found or installable, so the client shares its event loop with the figures; its event-loop p99 is given)',
			run: (url, headers, connections, duration) => autocannonRun(url, headers, connections, duration),
			close() {},
		};
	}
	const folder = mkdtempSync(join(tmpdir(), 'kp-wrk-'));
	const script = join(folder, 'report.lua');
	writeFileSync(script, WRK_REPORT);
	return {
		name: `wrk (${wrk}, one thread)`,
		run: (url, headers, connections, duration, expected) => wrkRun(wrk, script, url, headers, connections, duration, expected),
		close: () => rmSync(folder, { recursive: true, force: true }),
	};
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

/** Checks a target's status and warms the connection path up for a second. */
async function warm(client, server, target, connections) {
	const url = `${server.url}${target.path}`;
	const probe = await fetch(url, { headers: target.headers });
	await probe.arrayBuffer();
	if (probe.status !== target.status) throw new Error(`${url} answered ${probe.status}, not ${target.status}`);
	await client.run(url, target.headers, connections, 1, target.status);
	return probe.headers.get('content-encoding') ?? 'identity';
}

/** One measured run of `duration` seconds. */
async function measure(client, server, target, connections, duration) {
	const url = `${server.url}${target.path}`;
	const cpuBefore = workersCpuMs(server.pid);
	const r = await client.run(url, target.headers, connections, duration, target.status);
	const cpuMs = workersCpuMs(server.pid) - cpuBefore;
	// A reset now and then on a loaded machine is reported; more than 1 % means the run is not a measure.
	if (r.answered === 0 || r.failed > r.answered / 100) throw new Error(`${url}: ${r.failed} failed (errors, timeouts, unexpected statuses) for ${r.answered} answers at concurrency ${connections}`);
	return { ...r, cpuMs };
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

/** The median run of several: requests/s, p50, p99 each their own median; CPU and failures over all runs. */
function summarize(runs, encoding) {
	const answered = runs.reduce((sum, r) => sum + r.answered, 0);
	return {
		runs: runs.length,
		rps: median(runs.map((r) => r.rps)),
		p50: median(runs.map((r) => r.p50)),
		p99: median(runs.map((r) => r.p99)),
		p99s: runs.map((r) => r.p99),
		bytes: runs.reduce((sum, r) => sum + r.bytes * r.answered, 0) / answered,
		cpuUs: (runs.reduce((sum, r) => sum + r.cpuMs, 0) * 1000) / answered,
		failed: runs.reduce((sum, r) => sum + r.failed, 0),
		loopP99: runs[0].loopP99 === undefined ? undefined : median(runs.map((r) => r.loopP99)),
		encoding,
	};
}

const pad = (text, width) => String(text).padEnd(width);
const lpad = (text, width) => String(text).padStart(width);
const rps = (n) => Math.round(n).toLocaleString('en-US');

/**
 * Runs the load benchmark on `dist` with nginx on `port` (project) and `port + 1` (bare); prints a
 * table and the budget lines, and returns them (`{ rows, budgets }`, each budget `{ ok, text }`).
 */
export async function loadBenchmark({ dist, port, duration = 3, rounds = 3, log = console.log }) {
	const targets = loadTargets(dist);
	const client = loadClient({ log });
	const project = await startNginx({ dist, port });
	let bare;
	try {
		bare = await startNginx({ dist, port: port + 1, bare: true });
		log(
			`load: ${client.name}; per target, concurrency and server, 1 s of warm-up, then ${rounds} runs of ${duration} s alternated with the other server's, the median run read; on 127.0.0.1; project = deploy/nginx/${project.brotli ? ' (+ brotli)' : ''} at ${project.url}, bare = nginx defaults at ${bare.url}, same dist/`,
		);
		log(
			[
				pad('target', 22),
				lpad('conc.', 5),
				pad('  server', 10),
				lpad('req/s', 8),
				lpad('p50', 6),
				lpad('p99', 6),
				lpad('p99 runs', 10),
				lpad('bytes', 7),
				lpad('µs CPU', 7),
				lpad('failed', 6),
				'  encoding',
				...(client.name.startsWith('wrk') ? [] : ['  client loop p99']),
			].join(' '),
		);
		const rows = [];
		const servers = [
			['project', project],
			['bare', bare],
		];
		for (const target of targets) {
			for (const connections of CONNECTIONS) {
				// ROUNDS runs of each server, alternated, so that a burst of other work on the machine
				// lands on one run of one of them, and the median run is read.
				const encodings = [];
				for (const [, server] of servers) encodings.push(await warm(client, server, target, connections));
				const runs = servers.map(() => []);
				for (let round = 0; round < rounds; round++) {
					for (const [i, [, server]] of servers.entries()) runs[i].push(await measure(client, server, target, connections, duration));
				}
				for (const [i, [label]] of servers.entries()) {
					const m = summarize(runs[i], encodings[i]);
					rows.push({ target: target.name, connections, server: label, ...m });
					log(
						[
							pad(target.name, 22),
							lpad(connections, 5),
							pad(`  ${label}`, 10),
							lpad(rps(m.rps), 8),
							lpad(`${m.p50}`, 6),
							lpad(`${m.p99}`, 6),
							lpad(m.p99s.join('/'), 10),
							lpad(Math.round(m.bytes), 7),
							lpad(Number.isNaN(m.cpuUs) ? '?' : Math.round(m.cpuUs), 7),
							lpad(m.failed, 6),
							`  ${m.encoding}`,
							...(m.loopP99 === undefined ? [] : [`  ${m.loopP99.toFixed(1)} ms`]),
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
		client.close();
		await bare?.stop();
		await project.stop();
	}
}
