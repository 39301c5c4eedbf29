import { forbidden, notFound } from "next/navigation";
import { ActionError } from "@/lib/actions/errors";

/**
 * For pages that call classroom services directly: "no such class" becomes the 404 page and
 * "not yours to manage" the 403 page — the same answers the JSON routes give.
 */
export async function orPageError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ActionError && error.code === "not_found") notFound();
    if (error instanceof ActionError && error.code === "forbidden") forbidden();
    throw error;
  }
}
