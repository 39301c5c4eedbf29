import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import styles from "./Markdown.module.css";

/**
 * A card side or any learner-written text as Markdown with GitHub extensions (tables, fenced
 * code). Notes are written by learners and imported from files, so raw HTML is not rendered
 * (react-markdown's default) and the output is sanitised (rehype-sanitize: no scripts, no event
 * handlers, no `javascript:` links).
 */
export function Markdown({ children, size = "normal", className }: { children: string; size?: "normal" | "card"; className?: string }) {
  return (
    <div className={[styles.markdown, size === "card" ? styles.card : "", className].filter(Boolean).join(" ")}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
