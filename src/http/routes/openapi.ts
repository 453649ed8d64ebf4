/**
 * The OpenAPI document's header and the routes served outside the JSON API (Slack, webhooks, the
 * widget's pages), described here so GET /openapi.json lists every route of the contract.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi'
import { errorSchema } from './schemas'

export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'citable',
    version: '0.1.0',
    description: [
      'Grounded answers to questions about a corpus of news articles; every answer cites the text it rests on.',
      '',
      'Errors are `{"error":{"code","message"}}` with a 4xx status for what the caller got wrong',
      '(5xx only for `internal` and `not_configured`). Every route also answers `method_not_allowed` (405, with `Allow`)',
      'to a method it does not serve, and an unknown route `not_found` (404).',
    ].join('\n'),
  },
}

const errorJson = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
})

const slackRefusals = {
  401: errorJson('the signature or timestamp is missing, wrong or stale (`unauthorized`)'),
  413: errorJson('the body is over 64 KiB (`payload_too_large`)'),
  503: errorJson('`SLACK_SIGNING_SECRET` is not set (`not_configured`)'),
}

const signedHeaders = z.object({
  'x-slack-signature': z
    .string()
    .openapi({ description: 'v0= HMAC-SHA256 of v0:{timestamp}:{body}' }),
  'x-slack-request-timestamp': z.string().openapi({ description: 'seconds; within 5 minutes' }),
})

const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string() } },
})

/** Slack, the outgoing webhook and the widget's pages, which their channels serve */
export function describeOtherRoutes(registry: OpenAPIHono['openAPIRegistry']): void {
  registry.registerPath({
    method: 'post',
    path: '/slack/commands',
    summary: 'Slack slash command `/citable`',
    tags: ['slack'],
    request: {
      headers: signedHeaders,
      body: {
        content: {
          'application/x-www-form-urlencoded': {
            schema: z.object({
              command: z.string(),
              text: z.string(),
              team_id: z.string(),
              channel_id: z.string(),
              user_id: z.string(),
            }),
          },
        },
      },
    },
    responses: {
      200: { description: 'an ephemeral Slack message with the answer and its citations' },
      ...slackRefusals,
    },
  })
  registry.registerPath({
    method: 'post',
    path: '/slack/events',
    summary: 'Slack Events API: `url_verification`, `app_mention`, `message.im`',
    tags: ['slack'],
    request: {
      headers: signedHeaders,
      body: { content: { 'application/json': { schema: z.looseObject({ type: z.string() }) } } },
    },
    responses: {
      200: { description: 'the challenge, or an acknowledgement; answers go to the thread' },
      400: errorJson('not JSON, or an event without what it needs (`invalid_json`, `bad_request`)'),
      ...slackRefusals,
    },
  })
  registry.registerPath({
    method: 'post',
    path: '/hooks/outgoing',
    summary: 'Outgoing webhook (Slack legacy, Mattermost)',
    tags: ['slack'],
    request: {
      body: {
        content: {
          'application/x-www-form-urlencoded': {
            schema: z.object({
              token: z.string(),
              text: z.string(),
              trigger_word: z.string().optional(),
            }),
          },
          'application/json': {
            schema: z.object({
              token: z.string(),
              text: z.string(),
              trigger_word: z.string().optional(),
            }),
          },
        },
      },
    },
    responses: {
      200: {
        description: 'the answer, then its citations as footnotes',
        content: { 'application/json': { schema: z.object({ text: z.string() }) } },
      },
      400: errorJson('not JSON or a form, or no text (`invalid_json`, `bad_request`)'),
      401: errorJson('a wrong or missing token (`unauthorized`)'),
      503: errorJson('`OUTGOING_WEBHOOK_TOKEN` is not set (`not_configured`)'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/',
    summary: 'The demo page, with the chat widget',
    tags: ['widget'],
    responses: { 200: html('the demo page') },
  })
  registry.registerPath({
    method: 'get',
    path: '/widget.js',
    summary: 'The embeddable widget: `<script src=".../widget.js" data-endpoint="..." defer>`',
    tags: ['widget'],
    responses: {
      200: { description: 'the script', content: { 'text/javascript': { schema: z.string() } } },
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/documents/{docId}',
    summary: 'An article with the quoted span `text.slice(start, end)` highlighted',
    tags: ['widget'],
    request: {
      params: z.object({ docId: z.string() }),
      query: z.object({
        start: z.string().optional().openapi({ description: 'a whole number, with `end`' }),
        end: z.string().optional().openapi({ description: 'a whole number, with `start`' }),
      }),
    },
    responses: {
      200: html('the article'),
      400: errorJson('a bad span (`bad_request`); an HTML page when the browser asks for HTML'),
      404: errorJson('no such document (`not_found`); an HTML page when the browser asks for HTML'),
    },
  })
}
