import { startNginx } from './nginx.mjs';
import { spawnSync } from 'node:child_process';
const p = await startNginx({ dist: 'dist', port: 4471 });
const b = await startNginx({ dist: 'dist', port: 4472, bare: true });
for (const [n, s, c] of [['p', p, 16], ['b', b, 16], ['p', p, 128], ['b', b, 128], ['p', p, 128]]) {
  const r = spawnSync('wrk', ['-t1', `-c${c}`, '-d4s', '--latency', '-H', 'Accept-Encoding: gzip', s.url + '/en/exposure/nodeport/'], { encoding: 'utf8' });
  const lat = /99%\s+(\S+)/.exec(r.stdout)?.[1], p50 = /50%\s+(\S+)/.exec(r.stdout)?.[1], rps = /Requests\/sec:\s+(\S+)/.exec(r.stdout)?.[1];
  console.log(n, c, rps, p50, lat);
}
await p.stop(); await b.stop();
