import { dumpAtlas } from '../tests/fixtures/atlas-dump.ts';
import before from '../tests/fixtures/atlas-before.json' with { type: 'json' };
const now = await dumpAtlas('src');
for (const id of Object.keys(now)) {
  const a: any = (before as any)[id], b: any = now[id];
  for (const loc of ['en','fr']) a.steps[loc].forEach((s: any, i: number) => { const t = b.steps[loc][i]; for (const k of ['id','title','body','destination','protocol']) if (s[k] !== t?.[k]) console.log(id, loc, i, k, '\n  -', s[k], '\n  +', t?.[k]); });
  if (a.session !== b.session) console.log(id, 'SESSION\n--- before\n' + a.session + '\n--- now\n' + b.session);
  if (JSON.stringify(a.comparison) !== JSON.stringify(b.comparison)) console.log(id, 'COMPARISON', JSON.stringify(a.comparison.en), '\n', JSON.stringify(b.comparison.en));
  if (JSON.stringify(a.layout) !== JSON.stringify(b.layout)) console.log(id, 'LAYOUT', JSON.stringify(a.layout), JSON.stringify(b.layout));
}
