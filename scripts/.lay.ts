import { buildScenario } from '../src/model/build.ts';
import { layoutScenario } from '../src/diagram/layout.ts';
const s = buildScenario(JSON.parse(process.argv[2]!));
const l = layoutScenario(s);
for (const h of l.hops) console.log(h.id, h.label, h.badge, h.destination);
for (const n of l.nodes) console.log(n.id, n.x, n.y, n.width, n.height, n.onPath);
for (const z of l.zones) console.log('zone', z.id, z.x, z.y, z.width, z.height);
