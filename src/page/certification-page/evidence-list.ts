import type { EvidenceAttachment, ScenarioEvidence } from '../../evidence/scenario-evidence.ts';
import type { CertificationSummary, ScenarioSummary } from '../../report/certification-summary.ts';
import { escapeHtml } from '../html-escape.ts';
import { evidenceAnchor } from './requirement-matrix.ts';
import { statusBadge } from './status-text.ts';

const longest = 200_000;

/** A download link that carries its file in the page (works offline). */
function download(attachment: EvidenceAttachment, name: string): string {
  const data = Buffer.from(attachment.body, 'utf8').toString('base64');
  return `<a download="${escapeHtml(name)}" href="data:${escapeHtml(attachment.mediaType.split(';')[0] ?? 'text/plain')};base64,${data}">download ${escapeHtml(name)}</a>`;
}

const clipped = (text: string) =>
  text.length > longest
    ? `${text.slice(0, longest)}\n… (${text.length} characters in all: download it)`
    : text;

function attachmentBlock(attachment: EvidenceAttachment, open: boolean): string {
  const name = attachment.fileName ?? 'attachment.txt';
  const what =
    name === 'exchanges.txt'
      ? 'The exchanges with the target'
      : name.startsWith('reproduce')
        ? `Reproducer (${name}): run it to see the failure again`
        : name;
  return `<details class="evidence-file"${open ? ' open' : ''}><summary>${escapeHtml(what)} · ${download(attachment, name)}</summary><pre>${escapeHtml(clipped(attachment.body))}</pre></details>`;
}

function scenarioEvidence(
  scenario: ScenarioSummary,
  evidence: ScenarioEvidence | undefined,
  open: boolean,
): string {
  const files = (evidence?.attachments ?? []).filter((a) => a.mediaType.startsWith('text/'));
  const exchanges = files.filter((a) => a.fileName === 'exchanges.txt');
  const others = files.filter((a) => a.fileName !== 'exchanges.txt');
  const json = evidence?.attachments.find((a) => a.fileName === 'exchanges.json');
  return `<section class="evidence" id="${evidenceAnchor(scenario)}">
<h3>${statusBadge(scenario.status)} ${escapeHtml(scenario.name)}</h3>
<p class="muted">${escapeHtml(scenario.key)} · requirements ${scenario.requirements.map(escapeHtml).join(', ') || 'none'}${evidence?.failingStep ? ` · failing step: <q>${escapeHtml(evidence.failingStep)}</q>` : ''}</p>
${scenario.message ? `<pre class="message">${escapeHtml(scenario.message)}</pre>` : ''}
${exchanges.map((a) => attachmentBlock(a, open)).join('\n')}
${others.map((a) => attachmentBlock(a, false)).join('\n')}
${json ? `<p class="muted">${download(json, 'exchanges.json')} (the exchanges as JSON)</p>` : ''}
${files.length === 0 ? '<p class="muted">No exchanges were recorded for this scenario (it failed before it reached the target).</p>' : ''}
</section>`;
}

/** Every failed or undecided scenario with its evidence: why, the exchanges, the reproducer. */
export function evidenceList(
  summary: CertificationSummary,
  evidence: ReadonlyMap<string, ScenarioEvidence>,
): string {
  const shown = summary.scenarios.filter((s) => s.status === 'failed' || s.status === 'undecided');
  if (shown.length === 0) return '<p>No scenario failed or stayed undecided.</p>';
  // A few failures show their exchanges at once; many keep the page scannable, each a click away.
  const open = shown.length <= 3;
  return shown.map((s) => scenarioEvidence(s, evidence.get(s.key), open)).join('\n');
}

export const evidenceCss = `
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f7f7f7;padding:.6em;border-radius:4px;font:12px/1.4 ui-monospace,monospace;max-height:40em;overflow:auto}
pre.message{background:#fff3f3;border-left:3px solid #c62828}
details.evidence-file{margin:.4em 0}
details.evidence-file summary{cursor:pointer;font-weight:600}
section.evidence{border-top:1px solid #eee;margin-top:1em}
`;
