import { z } from "zod";

/**
 * Building blocks for operation inputs. Parameter names are the AWS API's own; the schemas
 * check *shape* (types, known keys). Value rules AWS itself enforces (ranges, formats,
 * existence) are checked by the operation and recorded on the step as AWS errors, because a
 * call AWS would reject is part of what a learner studies, not a broken scenario.
 */
export const str = z.string();
export const num = z.number();
export const bool = z.boolean();

/** AWS sends these as strings; YAML readers naturally write `VisibilityTimeout: 10`. */
export const scalarText = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));

/** Any JSON value (object, list, text, number, boolean, null). */
export const jsonValue = z.unknown();

export const stringMap = z.record(z.string(), scalarText);

export const messageAttributeValue = z.strictObject({
  DataType: z.string(),
  StringValue: z.optional(scalarText),
  BinaryValue: z.optional(z.string()),
});
export const messageAttributes = z.record(z.string(), messageAttributeValue);

export const destination = z.strictObject({ Destination: z.optional(z.string()) });
export const destinationConfig = z.strictObject({
  OnSuccess: z.optional(destination),
  OnFailure: z.optional(destination),
});
