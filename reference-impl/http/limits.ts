/** Request body size limit; larger bodies are refused with payload_too_large. */
export const maxBodyBytes = 64 * 1024;
