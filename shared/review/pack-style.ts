/** The review pack's print CSS (A4/A3 landscape). */
import type { PaperSize } from './pack-types';

export function packCss(paper: PaperSize): string {
  return `
@page { size: ${paper} landscape; margin: 12mm 10mm 14mm 10mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #111; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 0 0 1mm; border-bottom: 1.5pt solid #333; padding-bottom: 1mm; }
h3 { font-size: 10.5pt; margin: 4mm 0 2mm; }
p.law { margin: 0 0 3mm; color: #333; font-size: 8pt; }
section { page-break-before: always; break-before: page; }
section.cover { page-break-before: avoid; break-before: avoid; }
table { border-collapse: collapse; width: 100%; margin-bottom: 3mm; }
th, td { border: 0.5pt solid #999; padding: 1pt 3pt; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { page-break-inside: avoid; break-inside: avoid; }
thead { display: table-header-group; }
.meta { color: #444; margin: 0 0 2mm; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 4mm 0; }
.figure { border: 0.8pt solid #555; padding: 2mm 3mm; }
.figure .v { font-size: 15pt; font-weight: 700; display: block; }
.figure .l { color: #333; }
.warn { border: 1pt solid #b00; background: #fff0f0; padding: 2mm 3mm; margin: 2mm 0; }
.ok { border: 1pt solid #070; background: #f0fff0; padding: 2mm 3mm; margin: 2mm 0; }
.grid { table-layout: fixed; font-size: ${paper === 'A3' ? '8pt' : '6.5pt'}; }
.grid th, .grid td { padding: 0.5pt 0; text-align: center; overflow: hidden; white-space: nowrap; }
.grid th.name, .grid td.name { text-align: left; padding-left: 2pt; width: ${paper === 'A3' ? '45mm' : '38mm'}; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.month { break-inside: avoid; page-break-inside: avoid; }
.grid .we { background: #e4e4e4; }
.grid .hol { background: #f7c9c9; color: #800; }
.grid td.c { font-weight: 600; }
.grid td.cm { outline: 1pt dashed #c60; }
.grid tr.cov td { border-top: 0.5pt solid #555; font-style: italic; }
.grid tr.cov.first td { border-top: 1.2pt solid #333; }
.grid td.short { color: #a00; font-weight: 700; font-style: normal; }
.legend span { display: inline-block; margin-right: 4mm; }
.sev-error { color: #a00; font-weight: 600; }
.sev-warning { color: #8a5a00; }
.added { color: #a00; }
.removed { color: #070; }
.off { color: #a00; }
.sign { display: grid; grid-template-columns: 1fr 1fr; gap: 12mm; margin-top: 10mm; }
.sign div { border-top: 0.8pt solid #000; padding-top: 1mm; min-height: 18mm; }
footer { color: #666; font-size: 7.5pt; margin-top: 4mm; }
.small { font-size: 7.5pt; color: #444; }
ol.toc { columns: 2; font-size: 8.5pt; margin: 2mm 0; }
`;
}
