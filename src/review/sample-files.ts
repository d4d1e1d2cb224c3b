import { createHash } from 'node:crypto';
import path from 'node:path';
import { csvLine } from '../report/csv-cell.js';
import { h, jsonForScript } from '../report/html/escape.js';
import { redactText } from '../report/redact.js';
import { whatToCheck, type Sample } from './sample.js';

const SAMPLE_COLUMNS = [
  'call_id',
  'path',
  'stratum',
  'verdict',
  'reason',
  'category',
  'label',
  'what_to_check',
  'listener_finding',
  'note',
] as const;

/** How the sample was drawn, so the DPO can show the inspector: run, seed, size and strata. */
function sampleHeader(sample: Sample, runId: string): string[] {
  return [
    `callaudit sample; run ${runId}; seed ${sample.seed}; size ${sample.size}; strata ${sample.strata}; drawn ${sample.recordings.length}`,
    ...sample.plan.map((p) => `stratum ${p.stratum}: ${p.sampled} of ${p.population}`),
  ];
}

/** sample.csv: `#` lines say how it was drawn; the listener fills listener_finding (confirmed|contradicted) and note. */
export function renderSampleCsv(sample: Sample, runId: string, redact: boolean): string {
  const mask = (text: string) => (redact ? redactText(text) : text);
  const lines = sampleHeader(sample, runId).map((line) => `# ${line}`);
  lines.push(SAMPLE_COLUMNS.join(','));
  for (const s of sample.recordings) {
    const f = s.finding;
    lines.push(
      csvLine(
        [
          f.callId,
          mask(f.path),
          s.stratum,
          f.verdict,
          f.reason,
          s.category,
          mask(s.label),
          whatToCheck(s),
          '',
          '',
        ],
        { neutralise: true },
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

const STYLE = `body{font:15px/1.4 system-ui,sans-serif;margin:2rem;max-width:70rem}
li{margin:1rem 0;padding:.5rem;border:1px solid #ccc;border-radius:4px;list-style:none}
code{word-break:break-all}audio{display:block;margin:.4rem 0}`;

/** Builds the decisions file from the answers; runs in the page, so no data leaves the machine. */
const SCRIPT = `(function(){
var rows=JSON.parse(document.getElementById('sample-data').textContent);
function q(v){v=String(v);if(/^[=+\\-@\\t\\r]/.test(v))v="'"+v;return /[",\\r\\n]/.test(v)?'"'+v.replace(/"/g,'""')+'"':v;}
document.getElementById('download').addEventListener('click',function(){
var reviewer=document.getElementById('reviewer').value.trim();
var today=new Date().toISOString().slice(0,10);
var out=['call_id,path,decision,category,reason,reviewer,decided_at,evidence,recording_sha256,stratum,verdict,label,listener_finding'];
rows.forEach(function(r,i){
var finding=document.querySelector('select[data-row="'+i+'"]').value;
var note=document.querySelector('input[data-row="'+i+'"]').value.trim();
var decision='',category='';
if(finding==='confirmed'){decision=r.verdict==='compliant'?'keep':'delete';category=r.verdict==='compliant'?r.category:'';}
else if(finding==='contradicted'&&r.verdict==='compliant'){decision='delete';}
var reason=finding?('listening sample: label '+finding+(note?'; '+note:'')):'';
out.push([r.callId,r.path,decision,category,reason,decision?reviewer:'',decision?today:'','listened (sample '+r.sample+')','',r.stratum,r.verdict,r.label,finding].map(q).join(','));
});
var a=document.createElement('a');
a.href=URL.createObjectURL(new Blob([out.join('\\n')+'\\n'],{type:'text/csv'}));
a.download='sample-decisions.csv';document.body.appendChild(a);a.click();a.remove();
});
})();`;

const sha256Base64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/** A relative URL from the page to the recording: the audio is played in place, never copied. */
function audioHref(outDir: string, root: string, file: string): string {
  const relative = path.relative(path.resolve(outDir), path.resolve(root, file)).split(path.sep);
  return relative.map(encodeURIComponent).join('/');
}

/** sample.html: self-contained, everything escaped, masked unless redact is false. */
export function renderSampleHtml(sample: Sample, runId: string, outDir: string, redact: boolean): string {
  const mask = (text: string) => (redact ? redactText(text) : text);
  const data = sample.recordings.map((s) => ({
    callId: s.finding.callId ?? '',
    path: redact && redactText(s.finding.path) !== s.finding.path ? '' : s.finding.path,
    stratum: s.stratum,
    verdict: s.finding.verdict,
    category: s.category,
    label: mask(s.label),
    sample: `${runId} seed ${sample.seed}`,
  }));
  const items = sample.recordings
    .map(
      (s, i) => `<li><strong>${h(s.stratum)}</strong> · ${h(s.finding.verdict)} / ${h(s.finding.reason)}<br>
<code>${h(mask(s.finding.path))}</code>${s.finding.callId ? ` · call ${h(s.finding.callId)}` : ''}<br>
Label to check: <q>${h(mask(s.label))}</q><br>${h(whatToCheck(s))}
<audio controls preload="none" src="${h(audioHref(outDir, s.finding.root, s.finding.path))}"></audio>
<label>Finding <select data-row="${i}"><option value="">—</option><option value="confirmed">confirmed</option><option value="contradicted">contradicted</option></select></label>
<label>Note <input data-row="${i}" size="50"></label></li>`,
    )
    .join('\n');
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256Base64(SCRIPT)}'`,
    `style-src 'sha256-${sha256Base64(STYLE)}'`,
    "media-src 'self' file:",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(csp)}">
<meta name="referrer" content="no-referrer">
<title>callaudit listening sample</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Listening sample</h1>
<ul class="how">${sampleHeader(sample, runId)
    .map((line) => `<li>${h(line)}</li>`)
    .join('')}</ul>
<p><label>Reviewer <input id="reviewer" placeholder="name or role"></label>
<button id="download" type="button">Download the results as a decisions file</button></p>
<ol>
${items}
</ol>
<script type="application/json" id="sample-data">${jsonForScript(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
