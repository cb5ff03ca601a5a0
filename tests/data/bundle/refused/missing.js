import { b } from "./exports.js";
