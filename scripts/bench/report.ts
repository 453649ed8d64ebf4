/** The markdown report: machine, targets, then one section per part. */
import { bytes, count, ms, percent, table } from './format'
import {
  baselineSection,
  cpuSection,
  healthzSection,
  httpSection,
  loadSection,
  startupSection,
  workerSection,
} from './report-server'
import { storeSection } from './report-store'
import { type BenchResults, type Part, parts } from './results'
import { growthWords } from './stats'
import { judgeTargets } from './targets'

export const chartFile = 'scale.svg'

function header(r: BenchResults): string {
  const m = r.machine
  const loads = Object.entries(r.loadAverages)
    .map(([part, load]) => `${part} ${load.toFixed(1)}`)
    .join(', ')
  return [
    '# citable benchmark',
    '',
    `Made by \`npm run bench${r.quick ? ' -- --quick' : ''}${r.parts.length < parts.length ? ` -- --only ${r.parts.join(',')}` : ''}\` on ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC, in ${Math.round(r.seconds)} s${r.quick ? ' (**quick smoke run: small sizes, short runs; not for comparison**)' : ''}.`,
    '',
    `Machine: ${m.cores} cores (nproc), ${m.cpu}, ${(m.memoryBytes / 1e9).toFixed(1)} GB memory, Node ${m.node}, ${m.os}.`,
    `A shared, noisy machine: figures are medians over rounds, and the ratios compare things measured side by side in this one run. Its 1-minute load average as each part started (${m.cores} would mean the cores were busy): ${loads || 'n/a'}. In-process latency is given in wall time and in the process's CPU time (\`process.cpuUsage\`, all threads: V8's background GC can lift it above the wall time); wall time far above CPU time is waiting for a core.`,
  ].join('\n')
}

function targetsSection(r: BenchResults): string {
  const rows = judgeTargets(r)
  return [
    '## Targets',
    '',
    table(
      ['target', 'measured', 'status', 'why missed'],
      rows.map((t) => [
        t.target,
        t.measured,
        t.status === 'met' ? 'met' : t.status === 'missed' ? '**missed**' : 'not measured',
        t.why ?? '',
      ]),
    ),
  ].join('\n')
}

function latencySection(r: BenchResults): string {
  if (!r.latency) return ''
  const { byKind, abstainedShare } = r.latency
  return [
    '## Answer latency in process (shipped corpus)',
    '',
    "`ask(service, …)` with the Node service, after a warm-up; each round interleaves the kinds, and the figures are medians over the rounds of each round's p50 and p99. A follow-up is timed on its last turn, the earlier turns answered untimed in the same session.",
    '',
    table(
      ['kind', 'p50 ms', 'p99 ms', 'CPU p50 ms', 'CPU p99 ms', 'timed calls', 'abstained'],
      Object.entries(byKind).map(([kind, l]) => [
        kind,
        ms(l.p50),
        ms(l.p99),
        ms(l.cpuP50),
        ms(l.cpuP99),
        count(l.samples),
        percent(abstainedShare[kind as keyof typeof abstainedShare] ?? Number.NaN),
      ]),
    ),
  ].join('\n')
}

function scaleSection(r: BenchResults): string {
  if (!r.scale) return ''
  const { points, fits, failures } = r.scale
  const grow = (name: string, fit: { slope: number; r2: number }) =>
    `${name} ~ n^${fit.slope.toFixed(2)} (${growthWords(fit.slope)}, r² ${fit.r2.toFixed(2)})`
  return [
    '## Scale (generated corpora)',
    '',
    `A seeded generator writes realistic articles (~450 words: headings, "N things of Owner" lines, before/after figures, percentages, money per year, "the three X of A, B and C", quoted people with roles, companies headquartered in places); article i is the same at every size. Each size runs in a fresh \`node --expose-gc\` process: \`buildPack\` (median of up to 3 builds), the pack as JSON, \`loadPack(JSON.parse(…))\`, then heap and RSS after a full GC, then fact and free-text questions drawn from the corpus (5 rounds of up to 200 per kind, 3 rounds at 10,000 articles, fewer calls a round when answers are slow so that a size fits its time budget; "timed" is the calls per kind; medians over rounds; CPU p99 in brackets). "right" = the fact answer states the figure or place the article gives, and where it gives a \`value\`, that figure is the value; "right doc" = a free-text answer cites an article about what the question asks (the place and topic, or the person quoted). Each article also has five sentences in shapes the extractor's rules were not written from (${points[0] ? percent(points[0].novelShare ?? 0) : 'n/a'} of its fact sentences): figures carried by a verb ("donated EUR 250,000 to the ...", "pushed its revenue up to ...", "cut 2,400 jobs"), a figure before its owner ("More than 300 volunteers work for the ..."), and a comparison between two groups ("rated the service 7.6 out of 10 on average, compared with 4.4 for ..."); "fact right" is of questions about the template's sentences, "novel shapes" of questions about these, drawn apart; the timed fact questions are drawn from both. The template's owners and places repeat across articles, so from a few hundred articles on most of its questions have answers in several (at 10,000 articles 68-100% per question form), and an answer that gives every article's figure ("The sources differ: ...") counts as right; each novel-shape question names a company only its article has, so its "right" is the one figure.`,
    '',
    table(
      [
        'articles',
        'words',
        'passages',
        'facts',
        'build',
        'pack (gzip)',
        'load',
        'heap',
        'RSS',
        'timed',
        'fact p50 / p99 ms',
        'free-text p50 / p99 ms',
        'fact right',
        'fact right, novel shapes',
        'free-text right doc',
      ],
      points.map((p) => [
        count(p.articles),
        count(p.words),
        count(p.passages),
        count(p.facts),
        `${ms(p.buildMs)} ms`,
        `${bytes(p.packBytes)} (${bytes(p.packGzipBytes)})`,
        `${ms(p.loadMs)} ms`,
        bytes(p.heapUsed),
        bytes(p.rss),
        count(p.fact.samples),
        `${ms(p.fact.p50)} / ${ms(p.fact.p99)} (${ms(p.fact.cpuP99)})`,
        `${ms(p.freeText.p50)} / ${ms(p.freeText.p99)} (${ms(p.freeText.cpuP99)})`,
        percent(p.factRight),
        p.factRightNovel === undefined ? 'n/a' : percent(p.factRightNovel),
        percent(p.freeTextRightDoc),
      ]),
    ),
    '',
    `Growth with the number of articles n (least squares on log-log over the sizes of 100 and more): ${[
      grow('build time', fits.buildMs),
      grow('pack size', fits.packBytes),
      grow('heap over the empty process', fits.heapGrowth),
      grow('fact p99', fits.factP99),
      grow('free-text p99', fits.freeTextP99),
    ].join('; ')}.`,
    ...failures.map((f) => `\n**${count(f.articles)} articles not measured**: ${f.reason}`),
    '',
    `![latency and pack size against corpus size](${chartFile})`,
  ].join('\n')
}

export function renderReport(r: BenchResults): string {
  const notMeasured = Object.entries(r.notMeasured) as [Part, string][]
  const sections = [
    header(r),
    targetsSection(r),
    latencySection(r),
    cpuSection(r),
    scaleSection(r),
    httpSection(r),
    loadSection(r),
    healthzSection(r),
    startupSection(r),
    workerSection(r),
    baselineSection(r),
    storeSection(r),
    notMeasured.length
      ? ['## Not measured', '', ...notMeasured.map(([part, why]) => `- ${part}: ${why}`)].join('\n')
      : '',
  ]
  return `${sections.filter(Boolean).join('\n\n')}\n`
}
