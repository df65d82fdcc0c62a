import { buildScenario } from '../src/model/build.ts';
import { PRESETS } from '../src/model/presets.ts';
import { scenarios } from '../src/model/scenarios/index.ts';
for (const [id, preset] of Object.entries(PRESETS)) {
  const built = buildScenario(preset.params as never, { ...preset.options, id } as never);
  const old = (scenarios as any)[id];
  console.log('=====', id);
  const diff = (a: any, b: any, path: string) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (typeof a === 'object' && typeof b === 'object' && a && b && !Array.isArray(a)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[k], b[k], path + '.' + k);
      return;
    }
    console.log(path, '\n  old:', JSON.stringify(a), '\n  new:', JSON.stringify(b));
  };
  diff(old, { ...built, params: undefined }, '');
}
