import { ping } from "./ping.js";
export function pong() {}
