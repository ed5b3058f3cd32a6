/**
 * The review pack for tillitsvalgte (product.md (d) 4): ONE self-contained HTML document,
 * inline CSS, no scripts, that prints as the PDF (Chromium `page.pdf()` in Node,
 * `webContents.printToPDF` in Electron) and that the renderer can show in a print view.
 *
 * Built around what the tillitsvalgte must check, each section with its legal source
 * (./pack-cover PACK_SECTIONS): the grid per month with coverage rows; open shifts by day, shift
 * and competence; weekend groups and each person's weekends against the rhythm; the consent
 * register; agreements on file beside every relaxed limit; rule hits grouped by rule; hours and
 * positions; red days (when the report has them); the diff against the last approved version;
 * the assumptions in plain Norwegian; the drøfting and signature block.
 *
 * Pure: everything is computed by the caller (see ./analysis `reviewPackInput`).
 */
import { agreementSection, assumptionSection, coverSection } from './pack-cover';
import { gridSection, openShiftsSection } from './pack-grid';
import { consentSection, hoursSection, redDaysSection, weekendSection } from './pack-people';
import { activitySection } from './pack-activities';
import { commentSection, diffSection, ruleSection, signatureSection } from './pack-rules';
import { packCss } from './pack-style';
import { esc } from './pack-format';
import type { ReviewPackInput } from './pack-types';

export type {
  PackAgreementRecord,
  PackAssumption,
  PackComment,
  PackCoverageSlot,
  PackEmployeeRow,
  PackOpenShift,
  PackStatus,
  PackUnitFigures,
  PaperSize,
  ReviewPackInput,
} from './pack-types';
export { esc, nbNumber, nbPercent } from './pack-format';
export { droftingDeadline, PACK_SECTIONS, STATUS_LABEL } from './pack-cover';

/** The whole review pack as one HTML document (UTF-8, no external resources, no scripts). */
export function buildReviewPackHtml(input: ReviewPackInput): string {
  const paper = input.paper ?? 'A4';
  return `<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8">
<title>${esc(`Turnusplan ${input.plan.unit.name} – ${input.planName}`)}</title>
<style>${packCss(paper)}</style>
</head><body>
${coverSection(input)}
${gridSection(input)}
${openShiftsSection(input)}
${weekendSection(input)}
${consentSection(input)}
${activitySection(input)}
${agreementSection(input)}
${ruleSection(input)}
${hoursSection(input)}
${redDaysSection(input)}
${diffSection(input)}
${commentSection(input)}
${assumptionSection(input)}
${signatureSection(input)}
</body></html>
`;
}
