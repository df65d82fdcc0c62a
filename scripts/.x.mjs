import autocannon from 'autocannon';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8'; import vm from 'node:vm';
v8.setFlagsFromString('--expose-gc'); const gc = vm.runInNewContext('gc');
import { startNginx } from './nginx.mjs';
const useGc = process.argv.includes('gc');
const p = await startNginx({ dist: 'dist', port: 4471 });
const b = await startNginx({ dist: 'dist', port: 4472, bare: true });
function dropBodies(client) { const drop = () => {}; Object.defineProperty(client.parser, client.parser.constructor.kOnBody, { get: () => drop, set: () => {} }); }
const run = (s, c, d) => new Promise((res, rej) => autocannon({ url: s.url + '/en/exposure/nodeport/', headers: { 'accept-encoding': 'gzip' }, connections: c, duration: d, pipelining: 1, timeout: 5, setupClient: dropBodies }, (e, r) => (e ? rej(e) : res(r))));
for (const [n, s, c] of [['p', p, 16], ['b', b, 16], ['p', p, 128], ['b', b, 128], ['p', p, 128]]) { await run(s, c, 1); if (useGc) gc(); const h = monitorEventLoopDelay({ resolution: 1 }); h.enable(); const r = await run(s, c, 4); h.disable(); console.log(n, c, Math.round(r.requests.average), r.latency.p50, r.latency.p99, r.latency.max, 'loop p99', (h.percentile(99) / 1e6).toFixed(1), 'max', (h.max / 1e6).toFixed(1), 'heap', Math.round(process.memoryUsage().heapUsed / 1e6)); }
await p.stop(); await b.stop();
