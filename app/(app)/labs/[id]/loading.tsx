// Shown while the lab page renders on the server (the first view of a graded lab may wait for the
// engine to run the learner's variant).
export default function Loading() {
  return (
    <p role="status" aria-live="polite" style={{ color: "var(--text-muted)" }}>
      Loading the lab…
    </p>
  );
}
