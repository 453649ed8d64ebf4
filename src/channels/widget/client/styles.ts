/** The widget's CSS, adopted into its shadow root: nothing leaks out and the host page's rules do not leak in. */

const blue = '#0b57d0'
const ink = '#1f2328'
const muted = '#57606a'
const line = '#d0d7de'

export const widgetCss = `
:host { all: initial; }
[hidden] { display: none !important; }
.root, .root * { box-sizing: border-box; }
.root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 15px; line-height: 1.45; color: ${ink}; }
:focus-visible { outline: 2px solid transparent; box-shadow: 0 0 0 2px #fff, 0 0 0 5px ${ink}; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; display: inline-flex; align-items: center; gap: 8px; min-height: 48px; padding: 10px 18px 10px 12px; border: 0; border-radius: 999px; background: ${blue}; color: #fff; font: inherit; font-weight: 600; box-shadow: 0 4px 14px rgba(0,0,0,.25); cursor: pointer; }
.launcher:hover { background: #0842a0; }
/* the open panel has its own title and close button: the launcher would only sit under it */
.launcher[aria-expanded="true"] { display: none; }
.left .launcher { right: auto; left: 20px; }
.top .launcher { bottom: auto; top: 20px; }
.launcher-icon { display: inline-grid; place-items: center; width: 24px; height: 24px; border-radius: 50%; background: #fff; color: ${blue}; font-weight: 700; }

.panel { position: fixed; right: 20px; bottom: 20px; z-index: 2147483001; width: 400px; max-width: calc(100vw - 40px); height: min(640px, calc(100vh - 40px)); flex-direction: column; background: #fff; border: 1px solid ${line}; border-radius: 14px; box-shadow: 0 12px 40px rgba(0,0,0,.22); overflow: hidden; }
.panel:not([hidden]) { display: flex; }
.left .panel { right: auto; left: 20px; }
.top .panel { bottom: auto; top: 20px; }
.header { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 8px 8px 8px 16px; background: ${blue}; color: #fff; }
.title { margin: 0; font-size: 16px; font-weight: 650; }
.close { font: inherit; font-size: 24px; line-height: 1; width: 40px; height: 40px; border: 0; border-radius: 8px; background: transparent; color: #fff; cursor: pointer; }
.close:hover { background: rgba(255,255,255,.18); }

.log { flex: 1; overflow-y: auto; padding: 14px; display: flex; flex-direction: column; gap: 12px; background: #f6f8fa; }
.log:focus-visible { box-shadow: inset 0 0 0 3px ${ink}; }
.empty { margin: 0; color: ${muted}; }
.msg { max-width: 92%; padding: 10px 12px; border-radius: 12px; overflow-wrap: anywhere; }
.msg p { margin: 0; }
.msg.user { align-self: flex-end; background: ${blue}; color: #fff; border-bottom-right-radius: 4px; white-space: pre-wrap; }
.msg.bot { align-self: flex-start; background: #fff; border: 1px solid ${line}; border-bottom-left-radius: 4px; }
.msg.abstained { background: #eef0f3; color: #4b5563; border-style: dashed; border-color: #9aa4b0; }
.msg.abstained .text { font-style: italic; }
.msg.error { align-self: stretch; max-width: none; background: #fff1f0; border: 1px solid #f5b5ae; color: #82071e; }
.msg .badge { margin-bottom: 4px; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: ${muted}; }
.msg.error .badge { color: #82071e; }

.ref { font: inherit; font-size: 12px; font-weight: 700; line-height: 1; vertical-align: 2px; padding: 3px 5px; margin: 0 1px; border: 0; border-radius: 4px; background: #e2ebfd; color: ${blue}; cursor: pointer; }
.ref[aria-expanded="true"] { background: ${blue}; color: #fff; }
.notes { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 8px; }
.note { padding: 6px 10px; border-left: 3px solid ${blue}; border-radius: 0 8px 8px 0; background: #f6f8fa; font-size: 14px; }
.num { font-weight: 700; color: ${blue}; margin-right: 4px; }
.quote { display: inline; margin: 0; font-style: italic; }
.source { margin-top: 4px !important; color: ${muted}; font-size: 13px; }
.source a { color: ${blue}; }

.chips { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
.chip, .retry { font: inherit; font-size: 13px; font-style: normal; text-align: left; padding: 5px 11px; border-radius: 999px; border: 1px solid #b6c8f0; background: #fff; color: ${blue}; cursor: pointer; }
.chip:hover, .retry:hover { background: #eef4ff; }
.chip { border-radius: 14px; }
.retry { margin-top: 8px; border-color: #f5b5ae; color: #82071e; }

.status { margin: 0; padding: 0 14px 8px; font-size: 13px; color: ${muted}; background: #f6f8fa; }
.status:empty { display: none; }
.composer { display: flex; gap: 8px; padding: 10px 10px 6px; border-top: 1px solid ${line}; background: #fff; }
/* 16px: iOS zooms the page into any smaller text field on focus */
.input { flex: 1; min-height: 44px; max-height: 120px; resize: none; font: inherit; font-size: 16px; color: inherit; padding: 9px 10px; border: 1px solid #8c959f; border-radius: 8px; background: #fff; }
.send { font: inherit; font-weight: 600; min-height: 44px; padding: 0 16px; border: 0; border-radius: 8px; background: ${blue}; color: #fff; cursor: pointer; }
.send:disabled { background: #8c959f; cursor: default; }
.hint { margin: 0; padding: 0 12px 8px; font-size: 12px; color: ${muted}; background: #fff; }

@keyframes citable-rise { from { opacity: 0; transform: translateY(8px); } }
@media (prefers-reduced-motion: no-preference) { .panel { animation: citable-rise .15s ease-out; } }
@media (max-width: 480px) {
  .root .panel { inset: 0; width: 100%; max-width: none; height: 100%; border: 0; border-radius: 0; }
  .hint { display: none; }
}
`
