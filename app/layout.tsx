import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { themeBootScript } from "@/components/shell/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Lambda Lab", template: "%s · Lambda Lab" },
  description:
    "Learn how AWS Lambda really behaves: predict-then-run labs on a deterministic Lambda engine, FSRS flashcards, practice exams and classrooms.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f7f5" },
    { media: "(prefers-color-scheme: dark)", color: "#121211" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // data-theme is set by the boot script before hydration, hence suppressHydrationWarning.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
