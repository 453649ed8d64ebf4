/** The store's section of the report: adding articles while answering, and starting from the snapshot. */
import { bytes, count, ms, table } from './format'
import type { BenchResults } from './results'
import { median } from './stats'

export function storeSection(r: BenchResults): string {
  const s = r.store
  if (!s) return ''
  const rows = s.sizes.map((p) => {
    const [first, ...rest] = p.ingests
    const later = rest.length ? rest : p.ingests
    const mid = (f: (i: (typeof later)[number]) => number) => ms(median(later.map(f)))
    return [
      count(p.articles),
      `${ms(p.prepareMs)} ms`,
      first ? `${ms(first.totalMs)} ms` : '-',
      `${mid((i) => i.totalMs)} / ${ms(Math.max(...later.map((i) => i.totalMs)))} ms`,
      `${mid((i) => i.stageMs)} / ${mid((i) => i.commitMs)} / ${mid((i) => i.applyMs)} ms`,
      bytes(p.snapshotGzipBytes),
      `${ms(p.idle.p50)} / ${ms(p.idle.p99)} ms`,
      `${ms(p.duringIngest.p50)} / ${ms(p.duringIngest.p99)} / ${ms(p.duringIngest.max)} ms`,
      p.start ? `${ms(p.start.readyMs)} ms, ${bytes(p.start.rssAtReady)}` : '-',
      p.replayStart ? `${ms(p.replayStart.readyMs)} ms, ${bytes(p.replayStart.rssAtReady)}` : '-',
      p.snapshotBuildMs ? `${ms(p.snapshotBuildMs)} ms` : '-',
    ]
  })
  return [
    '## The store: adding articles while answering',
    '',
    'Each size is a store of that many generated articles (plus corpus/), built and committed once with its snapshot; then articles are added one after another through the living corpus as `PUT /api/documents/:docId` does it: the article is read into a staged change of the live knowledge (its passages, facts, names and index entries; no rebuild), committed in one transaction, then applied to the indexes and swapped in. The corpus-wide word and name counts the first change needs are read once before, in slices beside answering ("counts"). Meanwhile a fact question is answered every 5 ms, timed from when it was due, so a blocked event loop shows. "Start" is `npm start` on that store (spawn to the first 200 from /healthz, and RSS then): once from a snapshot of the current articles (as the service stores one 30 s after the last change), once from a copy of the store made right after the additions, whose snapshot is of the seeded store and which applies the additions to it. "Snapshot build" is building that snapshot of the current articles on the build thread and storing it.',
    '',
    table(
      [
        'articles',
        'counts',
        'first addition',
        'each later addition p50 / max',
        'stage / commit / apply p50',
        'snapshot (gzip)',
        'answers idle p50 / p99',
        'answers while adding p50 / p99 / max',
        'start from the snapshot, RSS',
        'start with the additions to apply, RSS',
        'snapshot build',
      ],
      rows,
    ),
    ...s.failures.map((f) => `\n**${count(f.articles)} articles not measured**: ${f.reason}`),
  ].join('\n')
}
