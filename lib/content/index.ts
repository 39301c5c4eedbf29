export { loadBuiltInContent, hashFiles, type ContentLoader, type ContentLoadContext, type ContentLoadReport } from "./registry";
export { CONTENT_LOADERS } from "./loaders";
