/** Plain constants, importable without pulling zod into a small bundle. */
export const SOCKET_PATH = '/socket.io';
/** Larger socket payloads are refused outright. */
export const MAX_SOCKET_PAYLOAD = 16 * 1024;
