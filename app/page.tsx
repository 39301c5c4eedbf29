import { PublicHeader } from "@/components/shell/PublicHeader";
import { ButtonLink } from "@/components/ui";
import { getCurrentUser } from "@/lib/auth/session";
import styles from "./landing.module.css";

const FEATURES = [
  {
    title: "Predict, then run",
    body: "Read a small AWS setup, say what Lambda will do — retries, throttles, cold starts, DLQs — and a deterministic Lambda engine shows whether you were right, with a timeline of why.",
  },
  {
    title: "Flashcards that schedule themselves",
    body: "FSRS, the scheduler Anki uses today, with a built-in AWS Lambda deck and every wrong prediction one click away from becoming a card.",
  },
  {
    title: "Practice exams",
    body: "Questions in the DVA-C02 style, a timed exam mode with the real format and scoring, and a breakdown by exam domain.",
  },
  {
    title: "Classrooms",
    body: "Instructors run classes with join codes, assign labs and quizzes, and read a gradebook. Self-hosted: your learners' data stays on your server.",
  },
];

export default async function LandingPage() {
  const user = await getCurrentUser();
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <PublicHeader signedIn={Boolean(user)} />
      <main id="main" className={styles.main}>
        <section className={styles.hero}>
          <h1 className={styles.title}>Learn how AWS Lambda really behaves.</h1>
          <p className={styles.lead}>
            Lambda Lab is a study app for people preparing AWS certifications. Instead of memorising
            rules, you predict what Lambda will do and watch an engine that follows AWS&apos;s documented
            semantics prove you right or wrong.
          </p>
          <div className={styles.actions}>
            {user ? (
              <ButtonLink href="/dashboard">Go to your dashboard</ButtonLink>
            ) : (
              <>
                <ButtonLink href="/sign-up">Create an account</ButtonLink>
                <ButtonLink href="/sign-in" variant="secondary">
                  Sign in
                </ButtonLink>
              </>
            )}
          </div>
        </section>
        <section aria-labelledby="features-title" className={styles.features}>
          <h2 id="features-title" className="visually-hidden">
            What you can do
          </h2>
          {FEATURES.map((f) => (
            <article key={f.title} className={styles.feature}>
              <h3>{f.title}</h3>
              <p>{f.body}</p>
            </article>
          ))}
        </section>
      </main>
    </>
  );
}
