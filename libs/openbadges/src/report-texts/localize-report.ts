import type { VerificationResult } from '../verification/report';
import { renderText, reportCatalog, type ReportLanguage } from './render';

/**
 * The same report told in `lang`: every coded message, step title and endorsement problem is
 * rendered from that language's catalogue. The verdict, the codes and the graph are untouched,
 * so a report computed (and cached) once serves readers of every language.
 */
export function localizeResult<R extends VerificationResult>(result: R, lang: ReportLanguage): R {
  if (lang === 'en') return result;
  const catalog = reportCatalog(lang);
  const report = result.report;
  return {
    ...result,
    report: {
      ...report,
      messages: report.messages.map((m) => (m.messageCode ? { ...m, message: renderText({ messageCode: m.messageCode, params: m.params ?? {} }, lang) } : m)),
      ...(report.steps ? { steps: report.steps.map((step) => ({ ...step, title: catalog.steps[step.step] })) } : {}),
      ...(report.endorsements
        ? {
            endorsements: report.endorsements.map((e) => (e.problemTexts ? { ...e, problems: e.problemTexts.map((problem) => renderText(problem, lang)) } : e)),
          }
        : {}),
    },
  };
}
