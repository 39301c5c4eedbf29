import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui";
import { OptimiserPanel } from "@/components/study/OptimiserPanel";
import { SettingsForm } from "@/components/study/SettingsForm";
import { StudyNav } from "@/components/study/StudyNav";
import { requireUser } from "@/lib/auth/session";
import { getLearnerSettings, settingsFormValues } from "@/lib/srs/db/learner-settings";
import { saveWeightsAction, updateSettingsAction } from "../actions";
import styles from "../study.module.css";

export const metadata: Metadata = { title: "Study settings" };
export const dynamic = "force-dynamic";

const TIME_ZONES = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];

export default async function SettingsPage() {
  const user = await requireUser("/study/settings");
  const settings = await getLearnerSettings(user.id);
  return (
    <>
      <PageHeader title="Study settings" description="How FSRS schedules your cards, and when your study day starts." />
      <StudyNav current="/study/settings" />
      <div className={styles.columns} style={{ marginTop: 0 }}>
        <Card title="Scheduling" headingLevel={2}>
          <SettingsForm action={updateSettingsAction} initial={settingsFormValues(settings)} timeZones={TIME_ZONES} />
        </Card>
        <Card title="Optimise my parameters" headingLevel={2}>
          <OptimiserPanel optimizedAt={settings.optimizedAt?.toISOString() ?? null} saveWeights={saveWeightsAction} />
        </Card>
      </div>
    </>
  );
}
