import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import styles from "./Markdown.module.css";

/**
 * Lab text (summaries, prompts, explanations) as Markdown. Labs can be written by instructors, so
 * the HTML is sanitised (rehype-sanitize's GitHub schema: no scripts, no event handlers, no
 * `javascript:` links) and raw HTML in the source is not rendered at all (react-markdown's default).
 */
export function Markdown({ children, inline = false, className }: { children: string; inline?: boolean; className?: string }) {
  return (
    <div className={[styles.markdown, inline ? styles.inline : "", className].filter(Boolean).join(" ")}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
