/** The review page's style sheet, served as /assets/review.css (no inline styles: the CSP forbids them). */
export const REVIEW_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1d232a; background: #f6f7f9; }
a { color: #0b5cad; }
.top { display: flex; gap: 1.5rem; align-items: center; padding: .5rem 1rem; background: #1d2b3a; color: #fff; }
.top a { color: #cfe3ff; }
.top h1 { font-size: 1.1rem; margin: 0; }
.who { margin-left: auto; opacity: .8; }
.counts { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
.counts b { font-size: 1.1rem; }
main.queue { padding: 1rem; }
.filters { display: flex; gap: 1rem; align-items: end; margin-bottom: 1rem; }
.filters label { display: flex; flex-direction: column; font-size: .85rem; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #e3e6ea; }
tr.has-errors td:first-child { border-left: 4px solid #c62828; }
.rule { display: inline-block; font: 12px monospace; background: #eef1f5; padding: 0 .3rem; border-radius: 3px; }
.file { font-family: monospace; font-size: 12px; }
.conf.hi { color: #1b7f3a; } .conf.mid { color: #a86800; } .conf.lo { color: #c62828; font-weight: bold; }
#notice { min-height: 1.6rem; padding: .2rem 1rem; }
#notice.error { background: #fdecea; color: #8e1b1b; }
#notice.ok { background: #e8f5e9; color: #1b5e20; }
main.filing { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 1rem; padding: 0 1rem; height: calc(100vh - 5rem); }
#source, #side { overflow: auto; background: #fff; border: 1px solid #dde1e6; }
.page { position: relative; margin-bottom: .5rem; }
.page img { width: 100%; display: block; }
.box { position: absolute; border: 2px solid; cursor: pointer; }
.box.hi { border-color: rgba(27,127,58,.7); } .box.mid { border-color: rgba(230,150,0,.85); } .box.lo { border-color: rgba(198,40,40,.9); background: rgba(198,40,40,.08); }
.box.selected { outline: 3px solid #0b5cad; }
.lines { font: 12px/1.5 monospace; margin: 0; padding: .5rem .5rem .5rem 3.5rem; list-style: none; }
.line { white-space: pre-wrap; cursor: pointer; }
.line .no { display: inline-block; width: 3rem; margin-left: -3rem; color: #8a939c; }
.line.read { background: #f2f7ff; }
.line.hit { background: #ffe9a8; outline: 1px solid #d9a300; }
.flag { margin: .5rem; padding: .4rem .6rem; border-left: 4px solid; background: #fafbfc; }
.flag.error { border-color: #c62828; } .flag.warning { border-color: #e69600; }
.flag p { margin: .2rem 0; }
.explanation { color: #4a5561; }
.clear { margin: .5rem; color: #1b5e20; }
.field { display: grid; grid-template-columns: 16rem 1fr 3rem 3.5rem; gap: .5rem; padding: .2rem .5rem; border-bottom: 1px solid #f0f2f4; align-items: center; }
.field.attention { background: #fff8e6; }
.field.selected, .field:focus { outline: 2px solid #0b5cad; outline-offset: -2px; background: #eaf2fd; }
.field .label { color: #4a5561; font-size: 12px; }
.field .value { font-family: monospace; }
.field input.value { width: 100%; font: inherit; font-family: monospace; }
.field .source { font-size: 11px; color: #8a939c; }
.field .source.review { color: #1b5e20; font-weight: bold; }
.field .crop { grid-column: 2 / span 3; background-repeat: no-repeat; border: 1px solid #dde1e6; }
.field-flag { grid-column: 1 / -1; margin: 0; font-size: 12px; color: #8e1b1b; }
.field-flag.warning { color: #8a5600; }
#history-box { margin: .5rem; }
#history { font: 12px monospace; }
.status.needs_review { color: #ffd27a; } .status.reviewed { color: #a5e3b5; }
main.login { max-width: 22rem; margin: 4rem auto; background: #fff; padding: 1.5rem; border: 1px solid #dde1e6; }
main.login label { display: block; margin: .6rem 0; }
main.login input { width: 100%; }
.error { color: #8e1b1b; }
dialog dt { font-family: monospace; font-weight: bold; }
`;
