/** The word pools the generated benchmark corpus draws from: places, owners, people, topics and filler. */

// biome-ignore format: a word list reads best packed
export const places = [
  'Lyon', 'Porto', 'Krakow', 'Leipzig', 'Bilbao', 'Tampere', 'Ghent', 'Brno', 'Malmo', 'Turin',
  'Utrecht', 'Aarhus', 'Valencia', 'Graz', 'Cork', 'Lille', 'Bologna', 'Dresden', 'Seville',
  'Oulu', 'Pune', 'Surabaya', 'Curitiba', 'Medellin', 'Kumasi', 'Durban', 'Cebu', 'Da Nang',
  'Busan', 'Sendai', 'Chengdu', 'Hangzhou', 'Wuxi', 'Xiamen', 'Kaohsiung', 'Penang', 'Perth',
  'Hamilton', 'Halifax', 'Tucson', 'Boise', 'Raleigh', 'Omaha', 'Tulsa', 'Calgary', 'Quebec City',
  'Rosario', 'Cordoba', 'Arequipa', 'Recife', 'Mombasa', 'Kigali', 'Tangier', 'Izmir', 'Tbilisi',
  'Almaty', 'Tallinn', 'Riga', 'Vilnius', 'Ljubljana',
] as const

/** a topic: what the programme is about, the thing it counts, and words that fill its paragraphs */
export interface Topic {
  name: string
  things: string
  /** an adjective that narrows the thing ("rapid" charging stations) */
  kinds: string[]
  agency: string
  measure: string
  words: string[]
}

export const topics: Topic[] = [
  {
    name: 'public transport',
    things: 'bus routes',
    kinds: ['electric', 'express', 'night'],
    agency: 'Transport Authority',
    measure: 'daily ridership',
    words: ['commuters', 'fares', 'timetables', 'depots', 'congestion', 'tram'],
  },
  {
    name: 'solar energy',
    things: 'solar farms',
    kinds: ['rooftop', 'community', 'floating'],
    agency: 'Energy Agency',
    measure: 'installed capacity',
    words: ['panels', 'grid', 'megawatts', 'storage', 'tariffs', 'inverters'],
  },
  {
    name: 'water supply',
    things: 'treatment plants',
    kinds: ['desalination', 'wastewater', 'rainwater'],
    agency: 'Water Board',
    measure: 'water losses',
    words: ['pipes', 'leaks', 'reservoirs', 'meters', 'drought', 'pressure'],
  },
  {
    name: 'broadband',
    things: 'fibre hubs',
    kinds: ['rural', 'municipal', 'backbone'],
    agency: 'Digital Office',
    measure: 'household coverage',
    words: ['bandwidth', 'operators', 'latency', 'towers', 'subscribers', 'spectrum'],
  },
  {
    name: 'housing',
    things: 'housing projects',
    kinds: ['social', 'modular', 'student'],
    agency: 'Housing Department',
    measure: 'average rent',
    words: ['tenants', 'landlords', 'permits', 'zoning', 'mortgages', 'construction'],
  },
  {
    name: 'healthcare',
    things: 'clinics',
    kinds: ['mobile', 'rural', 'maternity'],
    agency: 'Health Service',
    measure: 'waiting times',
    words: ['patients', 'nurses', 'doctors', 'beds', 'vaccination', 'screening'],
  },
  {
    name: 'education',
    things: 'schools',
    kinds: ['vocational', 'primary', 'bilingual'],
    agency: 'Education Office',
    measure: 'graduation rate',
    words: ['pupils', 'teachers', 'curriculum', 'classrooms', 'laptops', 'tutoring'],
  },
  {
    name: 'recycling',
    things: 'collection points',
    kinds: ['glass', 'electronics', 'textile'],
    agency: 'Waste Authority',
    measure: 'recycling rate',
    words: ['landfill', 'bins', 'compost', 'plastics', 'sorting', 'deposits'],
  },
  {
    name: 'tourism',
    things: 'visitor centres',
    kinds: ['heritage', 'coastal', 'mountain'],
    agency: 'Tourism Bureau',
    measure: 'overnight stays',
    words: ['visitors', 'hotels', 'festivals', 'museums', 'cruise', 'guides'],
  },
  {
    name: 'cycling',
    things: 'bike lanes',
    kinds: ['protected', 'commuter', 'riverside'],
    agency: 'Mobility Office',
    measure: 'cycling share',
    words: ['cyclists', 'helmets', 'parking', 'junctions', 'bridges', 'sharing'],
  },
  {
    name: 'street lighting',
    things: 'smart lamps',
    kinds: ['LED', 'solar', 'sensor'],
    agency: 'Public Works Department',
    measure: 'energy use',
    words: ['streets', 'sensors', 'outages', 'dimming', 'safety', 'poles'],
  },
  {
    name: 'agriculture',
    things: 'urban farms',
    kinds: ['vertical', 'rooftop', 'hydroponic'],
    agency: 'Food Council',
    measure: 'local food share',
    words: ['harvest', 'growers', 'greenhouses', 'markets', 'irrigation', 'seeds'],
  },
]

// biome-ignore format: a word list reads best packed
export const companyStems = [
  'Norvell', 'Aldara', 'Brightwater', 'Castellan', 'Dunmore', 'Everline', 'Fairhaven', 'Granton',
  'Halvard', 'Ironbridge', 'Juniper', 'Kestrel', 'Lindqvist', 'Meridian', 'Northgate', 'Oakfield',
  'Pellworth', 'Quarrel', 'Redmont', 'Solvane', 'Tidewell', 'Ulster', 'Vantor', 'Westbrook',
  'Yarrow', 'Zephyr', 'Amberly', 'Blackrock', 'Corvid', 'Delmar',
]
// biome-ignore format: a word list reads best packed
export const companySuffixes = [
  'Systems', 'Technologies', 'Group', 'Networks', 'Energy', 'Labs', 'Partners', 'Infrastructure',
  'Analytics', 'Solutions', 'Holdings', 'Dynamics',
]

// biome-ignore format: a word list reads best packed
export const firstNames = [
  'Anna', 'Marek', 'Li', 'Sofia', 'James', 'Amara', 'Pedro', 'Ingrid', 'Kenji', 'Fatima', 'Lucas',
  'Mei', 'Omar', 'Elena', 'Tomas', 'Priya', 'David', 'Chloe', 'Ravi', 'Hana', 'Jonas', 'Ayesha',
  'Diego', 'Nora', 'Yusuf', 'Clara', 'Wei', 'Lena', 'Samuel', 'Ines',
]
// biome-ignore format: a word list reads best packed
export const surnames = [
  'Kowalski', 'Novak', 'Chen', 'Rossi', 'Okafor', 'Silva', 'Lindberg', 'Tanaka', 'Haddad',
  'Moreau', 'Wang', 'Petrov', 'Garcia', 'Nielsen', 'Mensah', 'Sharma', 'Keller', 'Dubois', 'Iyer',
  'Sato', 'Brandt', 'Rahman', 'Ortega', 'Berg', 'Demir', 'Fischer', 'Liu', 'Varga', 'Adeyemi',
  'Costa',
]
// biome-ignore format: a word list reads best packed
export const roles = [
  'chief executive', 'director of operations', 'head of strategy', 'chief technology officer',
  'programme manager', 'deputy mayor', 'head of research', 'chief financial officer',
]

export const groupNouns = ['districts', 'partner cities', 'regions', 'boroughs', 'corridors']
export const currencies = ['EUR', 'USD', 'GBP', 'RMB', 'INR']

/** filler sentences: {place}, {topic}, {w} (a topic word), {w2}, {agency}, {company} are filled in */
export const fillers = [
  'Officials in {place} say the {topic} plan is meant to cut costs and improve daily life.',
  'The first phase focused on {w} and {w2}, which had been neglected for years.',
  'Critics argue that the {agency} moved too fast and underestimated the cost of {w}.',
  'Residents were consulted in a series of public meetings before the budget was approved.',
  'According to the {agency}, demand for {w} has grown faster than expected since the launch.',
  'Local businesses have welcomed the investment, although some worry about disruption to {w2}.',
  'The programme is financed partly by the national government and partly by private investors.',
  'Engineers from {company} are testing new ways to monitor {w} in real time.',
  'A review published last year found that the early results on {w2} were encouraging.',
  'Neighbouring towns are watching closely and several have asked to join the scheme.',
  'Delays in procurement pushed part of the work on {w} into the following year.',
  'The council expects the project to pay for itself within a decade through lower running costs.',
  'Trade unions have asked for guarantees that new jobs in {topic} will be permanent.',
  'Data from the pilot will be published openly so that researchers can study {w2}.',
  'Some of the equipment for {w} is manufactured locally, which supports jobs in the region.',
  'Opposition councillors have called for an independent audit of the spending on {topic}.',
  'Weather and rising material prices remain the main risks to the timetable.',
  'The {agency} has also set up a hotline for complaints about {w}.',
  'Planners hope that better {w} will persuade young families to stay in {place}.',
  'A similar scheme in a neighbouring country struggled because of weak maintenance budgets.',
  'The contract for the second phase is expected to be tendered before the end of the year.',
  'Independent experts have praised the focus on {w2} but warned against rushing the rollout.',
  'Most of the new staff will be trained at a centre run jointly with {company}.',
  'Surveys suggest that public support for spending on {topic} remains high in {place}.',
  'Maintenance of {w} was outsourced in the past, a decision the {agency} has now reversed.',
  'Rural areas around {place} will be included only once the urban phase is complete.',
  'The mayor described the plan as the largest investment in {topic} in a generation.',
  'Accessibility groups asked that {w2} be designed with older residents in mind.',
  'The budget includes a reserve for unexpected costs, which officials say is rarely used.',
  'Several universities have signed agreements to share research on {w} with the city.',
  'Energy prices and interest rates could still change the financial case for the project.',
  'Residents can follow progress on {w2} through a public dashboard updated every month.',
]

export const quotes = [
  'We want every neighbourhood to benefit from better {topic}, not only the centre',
  'The numbers show that investing in {w} pays off when it is planned properly',
  'Our engineers learned more in two years of pilots than in a decade of studies',
  'This is a long-term commitment and the results will take time to show',
]
