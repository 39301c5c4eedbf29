// The one way to write server-side operations: defineProcedure() once, then expose it as a server
// action (serverAction) and/or a JSON route (jsonRoute in lib/http). See docs/architecture.md.
export { defineProcedure, runProcedure, type Procedure, type ProcedureContext, type RequestContext } from "./procedure";
export { serverAction, formDataToObject, type ServerAction } from "./action";
export { ActionError, fieldError } from "./errors";
export { STATUS_BY_CODE, type ActionResult, type ActionFailure, type FailureCode, type FieldErrors } from "./result";
