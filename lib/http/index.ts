export { HTTP_PROTOCOLS, PROTOCOL_TRAITS, type HttpProtocol, type ProtocolTraits } from './protocols';
export { headerBlockBytes, DEFAULT_HEADER_RATIO } from './headerCompression';
export {
  planPageLoad, DEFAULT_REQUEST_HEADER_BYTES, DEFAULT_RESPONSE_HEADER_BYTES,
  type PageLoadOptions, type PageLoadPlan, type MigrationOptions,
} from './pageLoadPlan';
export { pageLoad, runPageLoad, type PageLoad, type PageObject, type PageConnection } from './pageLoad';
export { pageLoadTable, type PageLoadTableOptions, type PageLoadTables } from './pageLoadTable';
