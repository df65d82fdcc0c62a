import { simulationTiming } from './bench-simulation.mjs';
const r = await simulationTiming({ chromePath: '/usr/bin/chromium', url: 'http://127.0.0.1:4463/en/explore/', runs: 3 });
console.log(r.median, r.times.map((t) => t.toFixed(1)).join(' '), r.errors);
