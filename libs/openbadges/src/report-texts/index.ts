export { MESSAGE_PARAMS, text, textsOf, type MessageCode, type MessageParams, type MessageText, type ParamValue } from './message-text';
export { REPORT_LANGUAGES, isReportLanguage, renderText, reportCatalog, type ReportLanguage } from './render';
export { localizeResult } from './localize-report';
