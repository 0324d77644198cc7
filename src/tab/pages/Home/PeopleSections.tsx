import { Caption1, Persona } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { CommunityHome } from "../../api/home.js";
import { ListCard } from "../../components/SectionCard/ListCard.js";
import { SectionCard } from "../../components/SectionCard/SectionCard.js";
import { useHomePageStyles } from "./useHomePageStyles.styles.js";

/** Who to ask per topic, and the on-call expert of the next sessions. */
export function WhoToAsk({ home }: { home: CommunityHome }) {
  const styles = useHomePageStyles();
  const { t } = useTranslation();
  const empty = home.whoToAsk.length === 0 && !home.onCallExpert;
  return (
    <SectionCard
      title={t("home.whoToAskHeading")}
      empty={empty && t("home.whoToAskEmpty")}
      testId="who-to-ask"
    >
      {home.onCallExpert && (
        <Persona name={home.onCallExpert.displayName} secondaryText={t("home.onCallExpert")} size="small" />
      )}
      <ul className={styles.list}>
        {home.whoToAsk.map((topic) => (
          <li key={topic.tag} className={styles.item}>
            <Caption1>{t("home.topic", { tag: topic.tag })}</Caption1>
            <span className={styles.people}>
              {topic.people.map((expert) => (
                <Persona
                  key={expert.person.id}
                  name={expert.person.displayName}
                  secondaryText={t("home.expertMeta", { count: expert.entries, helpful: expert.helpful })}
                  size="extra-small"
                />
              ))}
            </span>
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}

/** People whose knowledge others saved and found helpful most in the last 30 days. */
export function NaturalTeachers({ home }: { home: CommunityHome }) {
  const { t } = useTranslation();
  return (
    <ListCard
      title={t("home.teachersHeading")}
      items={home.naturalTeachers}
      empty={t("home.teachersEmpty")}
      testId="natural-teachers"
      keyOf={(teacher) => teacher.person.id}
    >
      {(teacher) => (
        <Persona
          name={teacher.person.displayName}
          secondaryText={t("home.teacherMeta", { saves: teacher.saves, helpful: teacher.helpful })}
          size="small"
        />
      )}
    </ListCard>
  );
}
