import { pong } from "./pong.js";
export function ping() {}
