/**
 * An esbuild plugin that makes the bundle start faster without changing what it computes:
 * wink's core model read from its JSON file beside the bundle, parsed once.
 *
 * Plain JavaScript, like build.mjs, which imports it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** wink's core model: where the build copies it from, and its name beside the bundle */
export const winkModel = {
  source: (root) =>
    join(
      root,
      'node_modules/wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json',
    ),
  file: 'wink-core-model.json',
}

const readCoreModel = /wink-eng-lite-web-model[\\/]dist[\\/]read-core-model\.js$/
const coreModelRequire = 'require("./languages/cur/models/eng-core-web-model.json")'
const deepCopy = 'JSON.parse(JSON.stringify(originalModel))'
const atobDecode = /bufferFromBase64=function\(data\)\{.*?return bytes\.buffer\}/
// the same bytes as wink's atob loop, in a fresh ArrayBuffer of their own (Buffer's may be pooled)
const bufferDecode =
  'bufferFromBase64=function(data){const b=Buffer.from(data,"base64");return b.buffer.slice(b.byteOffset,b.byteOffset+b.length)}'

/**
 * wink's read-core-model.js with the model kept as JSON text, read by the expression
 * `modelText`: each call parses the text once (a fresh object, as wink's deep copy gave)
 * instead of the bundle building the 3 MB object from JavaScript, stringifying it and parsing it
 * again; base64 is decoded by Buffer rather than a charCodeAt loop. Throws when wink's file no
 * longer has the shape this was written for, so a new wink fails the build instead.
 */
export function patchReadCoreModel(source, modelText) {
  if (!source.includes(coreModelRequire) || !source.includes(deepCopy) || !atobDecode.test(source))
    throw new Error(
      'wink-eng-lite-web-model/dist/read-core-model.js changed: review scripts/build-plugins.mjs',
    )
  return source
    .replace(coreModelRequire, modelText)
    .replace(deepCopy, 'JSON.parse(originalModel)')
    .replace(atobDecode, bufferDecode)
}

/** the bundle reads the model from the file the build copies beside it (__citableBundleUrl is the bundle's URL) */
export const winkModelFromFile = {
  name: 'wink-model-from-file',
  setup(build) {
    build.onLoad({ filter: readCoreModel }, (args) => ({
      contents: patchReadCoreModel(
        readFileSync(args.path, 'utf8'),
        `require("node:fs").readFileSync(new URL("./${winkModel.file}", __citableBundleUrl), "utf8")`,
      ),
      loader: 'js',
    }))
  },
}
