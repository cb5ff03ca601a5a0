import { a } from "./exports.js";

export default a;
