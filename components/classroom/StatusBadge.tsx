import { Badge, type BadgeTone } from "@/components/ui";
import { STATUS_LABELS, type AssignmentStatus } from "@/lib/classroom/grading";

const TONES: Record<AssignmentStatus, BadgeTone> = {
  not_started: "neutral",
  in_progress: "accent",
  submitted: "info",
  late: "danger",
  missed: "danger",
  graded: "success",
};

/** An assignment's status as a pill; the text says it (colour is only a second cue). */
export function StatusBadge({ status }: { status: AssignmentStatus }) {
  return (
    <Badge tone={TONES[status]} data-status={status}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
