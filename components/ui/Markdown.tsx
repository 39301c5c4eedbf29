import type { ComponentProps } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { HighlightedCode, isHighlightable } from "./code/HighlightedCode";
import styles from "./Markdown.module.css";

export interface MarkdownProps {
  children: string;
  /** Short text (an option, a one-line prompt): its single paragraph keeps no bottom margin. */
  inline?: boolean;
  /** "card": a flashcard side, larger and with bold text in the accent colour. */
  size?: "normal" | "card";
  className?: string;
}

// Fenced code in a language the lab highlighter knows (```js, ```ts, ```json) gets the same
// colours as a lab's handler code; anything else stays plain. rehype-sanitize keeps the
// `language-*` class on <code> (GitHub's schema allows it), so the fence's language reaches us.
function Code({ className, children, ...rest }: ComponentProps<"code">) {
  const language = /(?:^|\s)language-([\w+-]+)/.exec(className ?? "")?.[1];
  if (isHighlightable(language) && typeof children === "string") {
    return (
      <code className={className} {...rest}>
        <HighlightedCode code={children.replace(/\n$/, "")} />
      </code>
    );
  }
  return (
    <code className={className} {...rest}>
      {children}
    </code>
  );
}

const COMPONENTS: Components = { code: ({ node: _node, ...props }) => <Code {...props} /> };

/**
 * Text written by people — lab prompts and explanations, questions and options, card sides,
 * instructions — as GitHub-flavoured Markdown (tables, fenced code, strikethrough). Authors are
 * instructors and learners, and their text reaches other people's browsers: raw HTML in the
 * source is not rendered (react-markdown's default) and the output is sanitised (rehype-sanitize,
 * GitHub's schema: no scripts, no event handlers, no `javascript:` links).
 */
export function Markdown({ children, inline = false, size = "normal", className }: MarkdownProps) {
  return (
    <div className={[styles.markdown, inline ? styles.inline : "", size === "card" ? styles.card : "", className].filter(Boolean).join(" ")}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={COMPONENTS}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
