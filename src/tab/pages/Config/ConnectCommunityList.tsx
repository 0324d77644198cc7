import { Caption1, Radio } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Community } from "../../api/communities.js";
import { HeadedRadioGroup } from "./HeadedRadioGroup.js";
import { useConfigPageStyles } from "./useConfigPageStyles.styles.js";

/** Props of {@link ConnectCommunityList}. */
export interface ConnectCommunityListProps {
  communities: Community[];
  selectedId: string;
  onSelect: (id: string) => void;
}

/**
 * The communities a tab can be connected to (the caller's own and open ones), as radio buttons
 * under their heading.
 */
export function ConnectCommunityList({ communities, selectedId, onSelect }: ConnectCommunityListProps) {
  const styles = useConfigPageStyles();
  const { t } = useTranslation();
  return (
    <HeadedRadioGroup heading={t("config.connectHeading")} value={selectedId} onChange={onSelect} region>
      {communities.map((community) => (
        <Radio
          key={community.id}
          value={community.id}
          label={
            <span className={styles.communityOption}>
              <span>{community.name}</span>
              <Caption1 className={styles.muted}>
                {t("config.communityMeta", {
                  count: community.memberCount,
                  privacy: t(
                    community.privacy === "open" ? "config.privacyOpenShort" : "config.privacyPrivateShort",
                  ),
                })}
              </Caption1>
            </span>
          }
        />
      ))}
    </HeadedRadioGroup>
  );
}
