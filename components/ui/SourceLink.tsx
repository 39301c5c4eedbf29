import { describeSource } from "./source";

/** "Source: <a readable link>" for a question's or card's `source` (a URL or a semantics key). */
export function SourceLink({ source, className }: { source: string; className?: string }) {
  const view = describeSource(source);
  return (
    <span className={className}>
      Source:{" "}
      {view.href ? (
        <a href={view.href} target="_blank" rel="noreferrer noopener">
          {view.label}
        </a>
      ) : (
        view.label
      )}
    </span>
  );
}
