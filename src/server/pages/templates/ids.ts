/** The template pages' form ids: "m-text", "m-kommun"; "n-id" on the new-template form. */
import { formIds } from "../kit/form.js";

export const editorIds = formIds("m");
export const createIds = formIds("n");
export const uploadIds = formIds("u");
