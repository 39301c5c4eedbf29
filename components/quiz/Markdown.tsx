import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import styles from "./Markdown.module.css";

/**
 * Question text, options and explanations are Markdown (inline code, lists, code blocks). Authors
 * are instructors, not the learner, but their text still reaches other people's browsers: raw
 * HTML is not rendered and rehype-sanitize (GitHub's schema) strips anything unsafe.
 */
export function Markdown({ children, inline = false, className }: { children: string; inline?: boolean; className?: string }) {
  return (
    <div className={[styles.md, inline ? styles.inline : "", className].filter(Boolean).join(" ")}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
