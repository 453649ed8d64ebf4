import { answerQuestion } from '../src/core/conversation/turn'
import { readCorpus, readLanguage } from '../src/runtime/node/files'
import { buildPack, loadPack } from '../src/core/knowledge/pack'
const knowledge = loadPack(buildPack(readCorpus(['/tmp/bike', 'test/fixtures/seed']), readLanguage('intents')))
const qs = ['How long is the average trip?', 'How many bicycles did the scheme start with?', 'How much of the expansion is paid by the EU?', 'What does a monthly pass cost?', 'How many active subscribers does Veloria have?', 'How much does a day pass cost?', 'How much does the expansion cost?', 'When was Veloria launched?', 'How many docking stations did it start with?', 'How many trips did riders make last year?', 'Who is the head of mobility?', 'How many bicycles will Veloria have by 2026?', 'How much does an annual pass cost?', 'How many bicycles does the FBI have?', 'Wie viele Fahrräder hat Veloria?']
for (const q of qs) { const a = answerQuestion(q, { knowledge, suggest: false }).answer; console.log(q, '=>', a.abstained ? `ABSTAIN (${a.reason})` : `${a.answer.slice(0, 110)} [${a.reason}]`) }
