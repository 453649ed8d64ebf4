/** Two short made-up articles for the handler tests: figures with owners and years, a list, places, people, and one conflict. */
import type { CorpusDocument } from '../../../src/core/types'

export const transit: CorpusDocument = {
  docId: 'valmora-transit',
  title: 'Valmora Transit goes electric',
  author: 'Lena Okafor',
  text: [
    'Valmora Transit Agency, headquartered in Porto Verde, runs the buses and trams of the city.',
    'The Valmora Transit Agency operated 240 electric buses in 2023, up from 90 in 2019.',
    '“Riders came back faster than we planned,” said Tomas Reyes, chief executive of Valmora Transit Agency.',
    'The three busiest lines of the network are Riverside, Harbourfront and Northgate.',
    'Electric buses made up 60% of the fleet in 2023 and diesel buses 40%.',
    'Charging points',
    'The Valmora Transit Agency installed 180 charging points. Nordline Taxis installed 95 charging points. The Harbour Ferry Company installed 24 charging points.',
    'Ridership fell in 2020 because offices closed and many people worked from home.',
    'The Harbour Ferry Company operated 35 ferries in 2023.',
  ].join('\n\n'),
}

export const harbour: CorpusDocument = {
  docId: 'valmora-harbour',
  title: 'Harbour ferries win back commuters',
  text: [
    'The Harbour Ferry Company operated 42 ferries in 2023, the city council said.',
    'The Harbour Ferry Company carried 3.2 million passengers in 2023.',
  ].join('\n\n'),
}

export const smallCorpus = [transit, harbour]
