import { startTransition, type FormEvent } from "react";

/**
 * An onSubmit for a form whose action comes from useActionState, that keeps every field as the
 * person left it when the action refuses the input.
 *
 * React resets a form after its `action` runs. Uncontrolled text fields can be refilled from the
 * echoed `values` (valuesOf), but radios, checkboxes and selects driven by React state cannot:
 * after the reset they show their first or initial option while the state — and what the page
 * shows around them — still says otherwise, and the corrected form then silently sends the reset
 * value (a late policy back to "accept", a quiz back to "everyone", a question's correct option
 * back to the old key). Dispatching the same FormData in a transition skips the reset.
 * Keep `action={formAction}` on the form as well: without JavaScript it still submits.
 */
export function submitKeepingFields(dispatch: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The button that submitted (its name and value, if it has them) goes along, as in a plain submit.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = submitter ? new FormData(event.currentTarget, submitter) : new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
}
