/**
 * An API call AWS would reject. Operations throw it; the step records `{ type, message }` and
 * the run goes on; inside a handler the SDK stand-in rejects with an Error of that name.
 */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly httpStatus = 400,
    /** Extra fields AWS returns with some errors (TooManyRequestsException's `Reason`). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = type;
  }
}

export const resourceNotFound = (message: string) => new AwsError("ResourceNotFoundException", message, 404);
export const invalidParameter = (message: string) => new AwsError("InvalidParameterValueException", message, 400);
export const resourceConflict = (message: string) => new AwsError("ResourceConflictException", message, 409);
export const validation = (message: string) => new AwsError("ValidationException", message, 400);
export const preconditionFailed = () =>
  new AwsError(
    "PreconditionFailedException",
    "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
    412,
  );
/** "1 validation error detected: Value 'x' at 'field' failed to satisfy constraint: …" — AWS's wording for bad values. */
export const constraint = (value: unknown, field: string, rule: string) =>
  validation(`1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${rule}`);
