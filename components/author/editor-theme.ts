import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorView } from "codemirror";
import { tags } from "@lezer/highlight";

/**
 * The lab editor in the app's colours, for both themes. CodeMirror's default highlight style has
 * fixed light-theme colours (keys #00c, strings #a11): on the dark theme's surface they measured
 * 1.55:1 and 2.32:1. These rules use the same CSS tokens as the lab's handler code
 * (app/globals.css --code-*), so the editor follows the theme the moment it changes.
 * Tags: @lezer/yaml's styleTags (keys are definition(propertyName), quoted values string).
 */
const labYamlHighlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: "var(--code-property)" },
  { tag: tags.propertyName, color: "var(--code-property)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--code-string)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--code-number)" },
  { tag: [tags.keyword, tags.typeName], color: "var(--code-keyword)" },
  { tag: tags.labelName, color: "var(--code-call)" },
  { tag: [tags.comment, tags.lineComment], color: "var(--text-muted)", fontStyle: "italic" },
  { tag: [tags.separator, tags.meta], color: "var(--text-muted)" },
  { tag: tags.invalid, color: "var(--danger)" },
]);

const labEditorChrome = EditorView.theme({
  "&": { color: "var(--text)", backgroundColor: "var(--surface)" },
  ".cm-content": { caretColor: "var(--text)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--text)" },
  ".cm-gutters": { backgroundColor: "var(--surface-2)", color: "var(--text-muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--accent-soft) 45%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--accent-soft)", color: "var(--text)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "color-mix(in srgb, var(--focus) 30%, transparent)",
  },
  ".cm-matchingBracket": { backgroundColor: "color-mix(in srgb, var(--success) 25%, transparent)", outline: "none" },
  ".cm-tooltip": { backgroundColor: "var(--surface)", color: "var(--text)", border: "1px solid var(--border)" },
  ".cm-panels": { backgroundColor: "var(--surface-2)", color: "var(--text)" },
});

export const labEditorTheme = [labEditorChrome, syntaxHighlighting(labYamlHighlight)];
