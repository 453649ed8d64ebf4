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
    return [
      count(p.articles),
      first ? `${ms(first.totalMs)} ms` : '-',
      `${ms(median(later.map((i) => i.totalMs)))} ms`,
      `${ms(median(later.map((i) => i.buildMs)))} / ${ms(median(later.map((i) => i.loadMs)))} / ${ms(median(later.map((i) => i.commitMs)))} ms`,
      bytes(p.snapshotGzipBytes),
      `${ms(p.idle.p50)} / ${ms(p.idle.p99)} ms`,
      `${ms(p.duringIngest.p50)} / ${ms(p.duringIngest.p99)} / ${ms(p.duringIngest.max)} ms`,
      p.start ? `${ms(p.start.readyMs)} ms` : '-',
      p.start ? bytes(p.start.rssAtReady) : '-',
    ]
  })
  return [
    '## The store: adding articles while answering',
    '',
    'Each size is a store of that many generated articles (plus corpus/), made once; then articles are added one after another through the living corpus as `PUT /api/documents/:docId` does it: the whole pack is rebuilt on the worker thread, loaded on the main thread, and committed with its gzipped snapshot in one transaction. Meanwhile a fact question is answered every 5 ms, timed from when it was due, so a blocked event loop shows. The first addition also starts the thread and its wink model. "Start" is `npm start` on that store: the snapshot is loaded instead of a rebuild.',
    '',
    table(
      [
        'articles',
        'first addition',
        'each later addition',
        'build / load / commit',
        'snapshot (gzip)',
        'answers idle p50 / p99',
        'answers while adding p50 / p99 / max',
        'start from snapshot',
        'RSS at ready',
      ],
      rows,
    ),
    ...s.failures.map((f) => `\n**${count(f.articles)} articles not measured**: ${f.reason}`),
  ].join('\n')
}
