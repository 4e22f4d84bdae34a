/** Request body size limit; larger bodies are refused with payload_too_large. */
export const maxBodyBytes = 64 * 1024;

/** Node's limit on the request line and headers together (its default `maxHeaderSize`). */
export const maxHeaderBytes = 16 * 1024;
