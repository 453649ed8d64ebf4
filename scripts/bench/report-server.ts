/** Report sections for the running server and its peers: HTTP, load, the long /healthz run, start-up, worst CPU, Workers and the baseline. */
import { bytes, count, ms, percent, points, table } from './format'
import type { BenchResults } from './results'
import { productionServer } from './server'

export function httpSection(r: BenchResults): string {
  const h = r.http
  if (!h) return ''
  return [
    '## HTTP (autocannon, same server)',
    '',
    `The Node server as a child process on 127.0.0.1 (\`node ${productionServer().join(' ')}\`, as \`npm start\` runs it, rate limit off), autocannon in the benchmark process on the same ${r.machine.cores} cores. ${h.connections} connections; ${h.rounds} rounds of ${h.seconds} s per route, alternating; medians over rounds. The answer route walks a mix of fact, computed, list, passage and abstain questions. autocannon shares the cores with the server, so the trivial route's figure may be bound by the load generator rather than the server: the ratio is if anything flattering.`,
    '',
    table(
      ['route', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'errors + non-2xx'],
      [
        [
          'POST /api/answer',
          count(h.answer.rps),
          ms(h.answer.p50),
          ms(h.answer.p99),
          count(h.answer.requests),
          count(h.answer.failures),
        ],
        [
          'GET /healthz',
          count(h.healthz.rps),
          ms(h.healthz.p50),
          ms(h.healthz.p99),
          count(h.healthz.requests),
          count(h.healthz.failures),
        ],
      ],
    ),
    '',
    `Ratio /api/answer : /healthz = **${percent(h.ratio)}** (median of the rounds' ratios).`,
  ].join('\n')
}

export function loadSection(r: BenchResults): string {
  const l = r.load
  if (!l) return ''
  const runs = [l, ...(r.loadCapped ? [r.loadCapped] : [])]
  const row = (x: NonNullable<BenchResults['load']>) => [
    x.nodeOptions ? `NODE_OPTIONS=${x.nodeOptions} (diagnosis)` : 'as `npm start` runs it',
    count(x.requests),
    count(x.rps),
    ms(x.p99),
    count(x.errors),
    count(x.timeouts),
    Object.keys(x.unexpected).length ? JSON.stringify(x.unexpected) : 'none',
    bytes(x.rssAtSettle),
    bytes(x.rssAtEnd),
    percent(x.rssDrift, 1),
    bytes(x.rssPeak),
    x.passed ? '**PASS**' : `**FAIL**: ${x.problems.join('; ')}`,
  ]
  return [
    '## Load test (issue 8)',
    '',
    `${l.seconds} s at ${l.connections} connections on \`POST /api/answer\` (the same mix plus two conversations that reuse a sessionId), a fresh server each run, after ${count(l.warmRequests)} questions without a sessionId (each makes a session) so the session table and the answers kept for feedback are full before the timed run: RSS ${bytes(l.rssAfterWarm)} then; the drift is from ${l.settleSeconds} s into the timed run to its end, the peak over both. RSS read from \`/proc/<pid>/status\` (VmRSS). The result is the first row's.${r.loadCapped ? " The second row runs the same load with V8's old generation capped: if it passes without errors, the rise in the first row is garbage V8 had not yet collected, not live data." : ''}`,
    '',
    table(
      [
        'server',
        'requests',
        'req/s',
        'p99 ms',
        'errors',
        'timeouts',
        'statuses other than 200',
        `RSS at ${l.settleSeconds} s`,
        'RSS at end',
        'drift',
        'peak RSS',
        'result',
      ],
      runs.map(row),
    ),
    '',
    ...runs.map(
      (x) =>
        `RSS every 2 s (MB)${x.nodeOptions ? `, ${x.nodeOptions}` : ''}: ${x.rssTimeline.map((b) => Math.round(b / 1e6)).join(' ')}.`,
    ),
  ].join('\n')
}

export function startupSection(r: BenchResults): string {
  const s = r.startup
  if (!s) return ''
  const p = s.parts
  return [
    '## Start-up (shipped corpus)',
    '',
    `Process spawn to the first 200 from \`/healthz\`, median of ${s.starts} starts after one untimed start. The first row is what \`npm start\` runs once its prestart has found the bundle fresh (\`node ${productionServer().join(' ')}\`; npm's own start-up comes on top), restarted on the store the untimed start seeded, as a deployed service restarts: it loads the stored snapshot. ${s.codeCache ? `The restarts compiled the bundle ${s.codeCache === 'used' ? "from V8's code cache" : `without V8's code cache (${s.codeCache})`}. ` : ''}${s.plain ? "The second row is the same sources built as they were before the code cache (`node scripts/build.mjs --plain`: one ESM bundle with wink's model data in it), restarted in turn with the first row on a store of its own; its ratio is the median over rounds of the first row's ready time over its own. The next" : 'The second'} row is the very first start on an empty store, which builds the pack on the build thread; the last the server through tsx (restarts), as \`npm start\` ran it before the build step. CPU is the process's user + system time (all threads, 10 ms ticks) when it was ready: unlike the wall time, a busy machine does not stretch it. The first and second answer are the wall times of the same question asked twice once ready: what the first pays for anything left to first use. \`indexedMs\` is what the server logs: the store opened, the knowledge loaded or built, the wink model warm. Where a restart's time goes: node's boot and the bundle's import (parsing and evaluating it, wink's model data among it) come from as many fresh plain-node imports of the bundle with the start script's flags, \`indexedMs\` from the server, and the rest of the ready time is listening and the first \`/healthz\`; 'listening, on the server's clock' is the time since node started the process that the server logs when it listens (what comes before node's clock starts, spawning the process, and the first \`/healthz\` after the log line are outside it). The benchmark asks \`/healthz\` again as soon as the server logs that it listens (and every 100 ms until then): polling every 5 ms took a share of the two cores from the starting server. The last table's parts come from as many fresh in-process probes through tsx: node and tsx up to the probe's first line, importing the modules the server imports (wink's model data is among them), making the wink instance, building the pack from corpus/ and intents/, and loadPack.`,
    '',
    table(
      ['how', 'ready', 'CPU at ready', 'RSS at ready', 'server indexedMs', 'first / second answer'],
      [
        [
          '`npm start` (bundle, plain node), a restart',
          `${ms(s.readyMs)} ms`,
          s.cpuAtReadyMs === undefined ? '' : `${ms(s.cpuAtReadyMs)} ms`,
          bytes(s.rssAtReady),
          `${ms(s.indexedMs)} ms`,
          s.firstAnswerMs === undefined
            ? ''
            : `${ms(s.firstAnswerMs)} / ${ms(s.secondAnswerMs)} ms`,
        ],
        ...(s.plain
          ? [
              [
                `the same sources built as before the code cache, in turn (the first row's ready x${s.plain.ratio.toFixed(2)} of it)`,
                `${ms(s.plain.readyMs)} ms`,
                `${ms(s.plain.cpuAtReadyMs)} ms`,
                '',
                '',
                `${ms(s.plain.firstAnswerMs)} ms`,
              ],
            ]
          : []),
        ...(s.firstStart
          ? [
              [
                'the first start, empty store',
                `${ms(s.firstStart.readyMs)} ms`,
                `${ms(s.firstStart.cpuAtReadyMs)} ms`,
                '',
                `${ms(s.firstStart.indexedMs)} ms`,
                '',
              ],
            ]
          : []),
        ...(s.tsx
          ? [
              [
                'tsx, for comparison',
                `${ms(s.tsx.readyMs)} ms`,
                '',
                bytes(s.tsx.rssAtReady),
                '',
                '',
              ],
            ]
          : []),
      ],
    ),
    '',
    ...(s.bundle
      ? [
          table(
            [
              'node boot',
              'bundle import',
              'server indexedMs',
              "listening, on the server's clock",
              'the rest of ready',
            ],
            [
              [
                `${ms(s.bundle.bootMs)} ms`,
                `${ms(s.bundle.importMs)} ms`,
                `${ms(s.indexedMs)} ms`,
                s.listeningAtMs === undefined ? '' : `${ms(s.listeningAtMs)} ms`,
                `${ms(Math.max(0, s.readyMs - s.bundle.bootMs - s.bundle.importMs - s.indexedMs))} ms`,
              ],
            ],
          ),
          '',
        ]
      : []),
    table(
      ['node + tsx boot', 'module imports', 'wink model', 'build pack', 'loadPack'],
      [
        [
          `${ms(p.bootMs)} ms`,
          `${ms(p.importMs)} ms`,
          `${ms(p.modelMs)} ms`,
          `${ms(p.buildMs)} ms`,
          `${ms(p.loadMs)} ms`,
        ],
      ],
    ),
  ].join('\n')
}

export function healthzSection(r: BenchResults): string {
  const h = r.healthzRun
  if (!h) return ''
  return [
    '## A long run of the trivial route',
    '',
    `${count(h.requests)} \`GET /healthz\` at ${h.connections} connections on a fresh server started as \`npm start\` starts it, RSS read every 250 ms: ${Math.round(h.seconds)} s, ${count(h.rps)} req/s, ${count(h.failures)} failures; RSS ${bytes(h.rssAtStart)} at the start, ${bytes(h.rssPeak)} at the peak, ${bytes(h.rssAtEnd)} at the end.`,
  ].join('\n')
}

export function cpuSection(r: BenchResults): string {
  const c = r.cpu
  if (!c) return ''
  return [
    '## CPU per question, worst case (fuzzed)',
    '',
    `\`ask()\` in process on ${count(c.questions)} questions of at most 1,000 characters (the inputs of \`scripts/bench/cpu-inputs.ts\`, the ones the property test draws from: every Unicode category, characters that expand under NFKC, long runs without spaces, mixed scripts, the words the answer path works hardest on), each asked without and with a session that has just asked "Who is Walter Fang?". CPU time of the process (\`process.cpuUsage\`), the least of 3 runs per question, after a warm-up. Median ${ms(c.medianMs)} ms; worst ${ms(c.worstMs)} ms${c.worstInSession ? ' (in a session)' : ''}, on ${count(c.worstLength)} characters starting \`${c.worstInput.replace(/`/g, "'")}\`.`,
  ].join('\n')
}

export function workerSection(r: BenchResults): string {
  const w = r.worker
  if (!w) return ''
  return [
    '## Cloudflare Workers (workerd, local)',
    '',
    `\`wrangler deploy --dry-run\` bundle (with the prebuilt knowledge pack), served by workerd through Miniflare. CPU is workerd's user + system time from \`/proc/<pid>/stat\` over ${w.requests} answers sent one at a time, divided by their number (it includes workerd's HTTP handling and the Durable Object session of each answer).`,
    '',
    table(
      [
        'bundle raw',
        'bundle gzip',
        'limit (gzip)',
        'CPU per answer',
        'CPU per /healthz',
        'wall p50',
        'wall p99',
      ],
      [
        [
          bytes(w.raw),
          bytes(w.gzip),
          bytes(w.gzipLimit),
          `${ms(w.cpuMsPerRequest)} ms`,
          `${ms(w.cpuMsPerHealthz)} ms`,
          `${ms(w.p50)} ms`,
          `${ms(w.p99)} ms`,
        ],
      ],
    ),
  ].join('\n')
}

export function baselineSection(r: BenchResults): string {
  const b = r.baseline
  if (!b) return ''
  const o = b.overall
  return [
    '## Baseline peer: a plain MiniSearch search box',
    '',
    `The labelled set \`${b.set}\` (${count(b.items)} items) over ${b.documents} documents (${b.corpus.map((c) => `\`${c}\``).join(', ')}), run and scored by the evaluator's own \`runSet\` and \`summarise\` (scripts/eval/) for both. The search box is \`new MiniSearch({ fields: ['text'] })\` with default options over the same sentences citable indexes; its answer is the top-ranked sentence, cited; it never abstains and has no conversation (each turn is searched alone). Turns scored right per category; ms are medians per turn. Conversations are scored turn by turn.`,
    '',
    `citable's abstention: precision ${b.abstention.precision === null ? 'n/a' : percent(b.abstention.precision)}, recall ${b.abstention.recall === null ? 'n/a' : percent(b.abstention.recall)}.`,
    '',
    table(
      ['category', 'turns', 'citable', 'search box', 'lead', 'citable ms', 'search box ms'],
      [...b.categories, { category: '**all**', ...o }].map((c) => [
        c.category,
        count(c.turns),
        percent(c.citable),
        percent(c.searchBox),
        points(c.citable - c.searchBox),
        ms(c.citableMs),
        ms(c.searchBoxMs),
      ]),
    ),
  ].join('\n')
}
