import { buildScenario } from '../src/model/build.ts';
import { stepsFor } from '../src/i18n/steps.ts';
import { sessionFor, transcript } from '../src/model/commands.ts';
const sets = JSON.parse(process.argv[2]!);
for (const p of sets) { const s = buildScenario(p); console.log('=====', JSON.stringify(p), s.outcome?.kind ?? 'delivered'); for (const loc of ['en', 'fr'] as const) for (const st of stepsFor(s, loc)) console.log(`[${loc}] ${st.number}. ${st.title}\n   ${st.body}`); if (process.argv[3]) console.log(transcript(sessionFor(s))); }
