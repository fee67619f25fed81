/**
 * Keep-alive defaults shared by the models that reuse HTTP connections.
 */

/** Requests one connection may carry before the server closes it: nginx's `keepalive_requests` default since 1.19.10. */
export const DEFAULT_REQUESTS_PER_CONNECTION = 1000;

/** A connection idle this long is closed by the server: Node.js `server.keepAliveTimeout` and Apache `KeepAliveTimeout` (5 s). */
export const DEFAULT_KEEP_ALIVE_IDLE_MS = 5000;
