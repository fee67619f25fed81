export { HTTP_PROTOCOLS, PROTOCOL_TRAITS, type HttpProtocol, type ProtocolTraits } from './protocols';
export { DEFAULT_HEADER_RATIO } from './headerCompression';
export {
  DEFAULT_REQUEST_HEADER_BYTES, DEFAULT_RESPONSE_HEADER_BYTES,
  type PageLoadOptions, type MigrationOptions,
} from './pageLoadPlan';
export { pageLoad, type PageLoad, type PageObject, type PageConnection } from './pageLoad';
export { pageLoadTable, type PageLoadTableOptions, type PageLoadTables } from './pageLoadTable';
export { pageLoadSamples, type PageLoadSamplesOptions } from './pageLoadSamples';
export { callLatencies } from './callLatencies';
export { slowCallCauses, SLOW_CALL_CAUSES, type SlowCallCause, type SlowCallCausesOptions, type SlowCallRow } from './slowCallCauses';
export { pageLoadPhases, PAGE_LOAD_PHASE_COLORS, type PageLoadPhaseRow, type PageLoadPhasesOptions } from './pageLoadPhases';
export { protocolColors, PROTOCOL_HUES, type ProtocolColorsOptions } from './protocolColors';
